package no.folkevalgt.app;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import no.folkevalgt.core.port.ChannelPoster;
import no.folkevalgt.core.port.ChannelRef;
import no.folkevalgt.core.port.PostFailure;
import no.folkevalgt.core.port.Reply;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A poster that counts for {@code /metrics}: posts sent ({@code folkevalgt_posts_sent_total}) and
 * failed ({@code folkevalgt_posts_failed_total}), by platform. Wrap the poster the scheduler uses.
 *
 * <pre>{@code
 * ChannelPoster poster = new MeteredPoster(web.poster(), registry);
 * }</pre>
 */
public final class MeteredPoster implements ChannelPoster {

    private final ChannelPoster delegate;
    private final MeterRegistry registry;

    public MeteredPoster(ChannelPoster delegate, MeterRegistry registry) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    public void post(ChannelRef channel, Reply reply) throws PostFailure {
        counted(channel, () -> delegate.post(channel, reply));
    }

    @Override
    public void post(ChannelRef channel, Reply reply, String postId) throws PostFailure {
        counted(channel, () -> delegate.post(channel, reply, postId));
    }

    @Override
    public Optional<Boolean> wasPosted(ChannelRef channel, String postId, Instant since) {
        return delegate.wasPosted(channel, postId, since);
    }

    @FunctionalInterface
    private interface Post {
        void run() throws PostFailure;
    }

    private void counted(ChannelRef channel, Post post) throws PostFailure {
        try {
            post.run();
        } catch (PostFailure | RuntimeException e) {
            Counter.builder("folkevalgt.posts.failed").description("Posts the platform did not take")
                    .tag("platform", channel.platform()).register(registry).increment();
            throw e;
        }
        Counter.builder("folkevalgt.posts.sent").description("Posts delivered to a channel")
                .tag("platform", channel.platform()).register(registry).increment();
    }
}
