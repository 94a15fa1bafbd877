package no.folkevalgt.app;

import java.util.Map;

import no.folkevalgt.core.ChannelPoster;
import no.folkevalgt.core.ChannelRef;
import no.folkevalgt.core.PostFailure;
import no.folkevalgt.core.Reply;

/** Hands each post to the poster of its channel's platform; a platform nobody serves fails for good. */
final class RoutingPoster implements ChannelPoster {

    private final Map<String, ChannelPoster> byPlatform;

    RoutingPoster(Map<String, ChannelPoster> byPlatform) {
        this.byPlatform = Map.copyOf(byPlatform);
    }

    @Override
    public void post(ChannelRef channel, Reply reply) throws PostFailure {
        ChannelPoster poster = byPlatform.get(channel.platform());
        if (poster == null) {
            throw PostFailure.permanent("no adapter for platform '" + channel.platform() + "' is configured (channel "
                    + channel + "); configured: " + byPlatform.keySet(), null);
        }
        poster.post(channel, reply);
    }
}
