package no.folkevalgt.storage.schedule;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import no.folkevalgt.core.port.ChannelPoster;
import no.folkevalgt.core.port.ChannelRef;
import no.folkevalgt.core.port.PostFailure;
import no.folkevalgt.core.port.Reply;
import no.folkevalgt.core.programme.PostComposer;

/**
 * A fake platform: records every call, fails as scripted, can be slow. Works with {@link #COMPOSER},
 * which puts the post id in the first text block and "late" or "on time" in the second.
 */
final class RecordingPoster implements ChannelPoster {

    static final PostComposer COMPOSER = (post, late) -> Reply.text(post.id(), late ? "late" : "on time", post.text());

    record Call(String postId, ChannelRef channel, Reply reply, Instant at, boolean succeeded) {
        boolean late() {
            return reply.blocks().get(1).equals("late");
        }
    }

    private final Clock clock;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<PostFailure>> failures = new ConcurrentHashMap<>();
    private final Map<String, CountDownLatch> holds = new ConcurrentHashMap<>();
    final CountDownLatch slowPostStarted = new CountDownLatch(1);
    private volatile Instant downUntil = Instant.MIN;

    RecordingPoster(Clock clock) {
        this.clock = clock;
    }

    /** The next calls for {@code postId} fail with these, in order; later calls succeed. */
    void failWith(String postId, PostFailure... script) {
        failures.put(postId, new ArrayDeque<>(List.of(script)));
    }

    /** Every call before {@code until} fails with HTTP 500, whatever the post (after any scripted failure). */
    void downUntil(Instant until) {
        downUntil = until;
    }

    /** Calls for {@code postId} do not return (a slow platform) until {@link #release}d; at most 20 s. */
    void hold(String postId) {
        holds.put(postId, new CountDownLatch(1));
    }

    void release(String postId) {
        holds.get(postId).countDown();
    }

    @Override
    public void post(ChannelRef channel, Reply reply) throws PostFailure {
        String postId = reply.blocks().get(0);
        Instant at = clock.instant();
        CountDownLatch hold = holds.get(postId);
        if (hold != null) {
            slowPostStarted.countDown();
            try {
                if (!hold.await(20, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("post " + postId + " was held and never released");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while posting " + postId);
            }
        }
        Deque<PostFailure> script = failures.get(postId);
        PostFailure failure = script == null ? null : script.poll();
        if (failure == null && at.isBefore(downUntil)) {
            failure = PostFailure.temporary("HTTP 500 (outage)", null, null);
        }
        calls.add(new Call(postId, channel, reply, at, failure == null));
        if (failure != null) {
            throw failure;
        }
    }

    /** Whether {@link #wasPosted} can tell (as Slack can); when not, it says it cannot. */
    volatile boolean canTell = true;
    final List<String> askedAbout = new CopyOnWriteArrayList<>();

    @Override
    public java.util.Optional<Boolean> wasPosted(ChannelRef channel, String postId, Instant since) {
        askedAbout.add(postId);
        if (!canTell) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(calls.stream()
                .anyMatch(c -> c.succeeded() && c.postId().equals(postId) && c.channel().equals(channel) && !c.at().isBefore(since)));
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    List<Call> successful() {
        return calls.stream().filter(Call::succeeded).toList();
    }

    List<Call> callsFor(String postId) {
        return calls.stream().filter(c -> c.postId().equals(postId)).toList();
    }
}
