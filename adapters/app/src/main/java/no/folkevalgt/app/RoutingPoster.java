package no.folkevalgt.app;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import no.folkevalgt.core.port.ChannelPoster;
import no.folkevalgt.core.port.ChannelRef;
import no.folkevalgt.core.port.PostFailure;
import no.folkevalgt.core.port.Reply;

/** Hands each post to the poster of its channel's platform; a platform nobody serves fails for good. */
final class RoutingPoster implements ChannelPoster {

    private final Map<String, ChannelPoster> byPlatform;

    RoutingPoster(Map<String, ChannelPoster> byPlatform) {
        this.byPlatform = Map.copyOf(byPlatform);
    }

    @Override
    public void post(ChannelRef channel, Reply reply) throws PostFailure {
        posterOf(channel).post(channel, reply);
    }

    @Override
    public void post(ChannelRef channel, Reply reply, String postId) throws PostFailure {
        posterOf(channel).post(channel, reply, postId);
    }

    @Override
    public Optional<Boolean> wasPosted(ChannelRef channel, String postId, Instant since) {
        ChannelPoster poster = byPlatform.get(channel.platform());
        return poster == null ? Optional.empty() : poster.wasPosted(channel, postId, since);
    }

    private ChannelPoster posterOf(ChannelRef channel) throws PostFailure {
        ChannelPoster poster = byPlatform.get(channel.platform());
        if (poster == null) {
            throw PostFailure.permanent("Ingen kobling til plattformen «" + channel.platform() + "» er satt opp (kanal "
                    + channel + "); satt opp: " + String.join(", ", new java.util.TreeSet<>(byPlatform.keySet())), null);
        }
        return poster;
    }
}
