package no.folkevalgt.web;

import no.folkevalgt.core.port.ChannelPoster;
import no.folkevalgt.core.port.ChannelRef;
import no.folkevalgt.core.port.Platforms;
import no.folkevalgt.core.port.PostFailure;
import no.folkevalgt.core.port.Reply;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Objects;

/**
 * The local channels the chat page shows: keeps the latest posts in a bounded ring buffer, numbered
 * from 1, so that the page asks only for what it has not seen. Thread-safe.
 */
final class LocalChannel implements ChannelPoster {

    private final int capacity;
    private final Clock clock;
    private final ArrayDeque<Post> posts = new ArrayDeque<>();
    private long lastSeq;

    LocalChannel(int capacity, Clock clock) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be 1 or more but was " + capacity);
        }
        this.capacity = capacity;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void post(ChannelRef channel, Reply reply) throws PostFailure {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(reply, "reply");
        if (!Platforms.LOCAL.equals(channel.platform()) && !Platforms.WEB.equals(channel.platform())) {
            throw PostFailure.permanent("the web chat takes local: and web: channels, not " + channel, null);
        }
        synchronized (posts) {
            posts.addLast(new Post(++lastSeq, channel, reply, clock.instant()));
            while (posts.size() > capacity) {
                posts.removeFirst();
            }
        }
    }

    /** The kept posts numbered above {@code after}, oldest first. */
    List<Post> after(long after) {
        synchronized (posts) {
            return posts.stream().filter(p -> p.seq() > after).toList();
        }
    }

    /**
     * @param seq     1, 2, ... in the order posted
     * @param channel where it was posted
     * @param reply   what was posted
     * @param at      when
     */
    record Post(long seq, ChannelRef channel, Reply reply, Instant at) {
    }
}
