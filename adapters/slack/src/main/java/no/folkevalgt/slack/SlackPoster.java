package no.folkevalgt.slack;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import no.folkevalgt.core.ChannelPoster;
import no.folkevalgt.core.ChannelRef;
import no.folkevalgt.core.PostFailure;
import no.folkevalgt.core.Reply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts programme messages to Slack channels: chat.postMessage, and the files API (upload URL, then
 * complete) for an image. Paces posts to about one a second per channel, Slack's documented limit, and
 * reports Slack's answers as {@link PostFailure}s the scheduler can act on.
 */
final class SlackPoster implements ChannelPoster {

    private static final Logger log = LoggerFactory.getLogger(SlackPoster.class);

    /* Errors a retry cannot fix: the scheduler should give up and log them. */
    private static final Set<String> PERMANENT = Set.of("channel_not_found", "not_in_channel", "is_archived",
            "invalid_auth", "not_authed", "account_inactive", "token_revoked", "token_expired", "missing_scope",
            "no_permission", "restricted_action", "invalid_blocks", "invalid_blocks_format", "msg_too_long",
            "no_text", "too_many_attachments", "ekm_access_denied", "team_access_not_granted");
    private static final Set<String> TEMPORARY = Set.of("ratelimited", "rate_limited", "internal_error",
            "fatal_error", "service_unavailable", "request_timeout", "timeout");

    private final MethodsClient client;
    private final long intervalNanos;
    private final ConcurrentHashMap<String, Long> nextSlot = new ConcurrentHashMap<>();

    SlackPoster(MethodsClient client, Duration interval) {
        this.client = Objects.requireNonNull(client, "client");
        this.intervalNanos = interval.toNanos();
    }

    @Override
    public void post(ChannelRef channel, Reply reply) throws PostFailure {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(reply, "reply");
        if (!SlackAdapter.PLATFORM.equals(channel.platform())) {
            throw PostFailure.permanent("not a Slack channel: " + channel, null);
        }
        String id = channel.id();
        pace(id);
        BlockKit.Rendered rendered = BlockKit.render(reply, BlockKit.Options.PLAIN);
        call(id, "chat.postMessage", () -> client.chatPostMessage(r -> r.channel(id).text(rendered.text())
                .blocks(rendered.blocks()).unfurlLinks(false).unfurlMedia(false)));
        if (reply.image() != null) {
            /* The message is out: a failed image upload must not fail the post, or the scheduler would
               post the text again on every retry. The word cloud is an extra; its text is in the message. */
            Reply.Image image = reply.image();
            try {
                pace(id);
                call(id, "files.uploadV2", () -> client.filesUploadV2(r -> r.channel(id).fileData(image.bytes())
                        .filename(filename(image)).title(image.altText()).altTxt(image.altText())));
            } catch (PostFailure e) {
                log.warn("Posted to {} but its image could not be uploaded: {}", id, e.getMessage());
            }
        }
    }

    static String filename(Reply.Image image) {
        String type = image.mediaType().substring("image/".length()).replaceAll("[^a-z0-9]", "");
        return "ordsky." + (type.isEmpty() ? "png" : type);
    }

    /* Waits for this channel's next slot: about one message a second per channel. */
    private void pace(String channel) throws PostFailure {
        long now = System.nanoTime();
        long slot = nextSlot.merge(channel, now + intervalNanos,
                (previous, proposed) -> Math.max(previous, now) + intervalNanos) - intervalNanos;
        long wait = slot - now;
        if (wait > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw PostFailure.temporary("interrupted while waiting to post to " + channel, null, e);
            }
        }
    }

    private void holdOff(String channel, Duration retryAfter) {
        long until = System.nanoTime() + retryAfter.toNanos();
        nextSlot.merge(channel, until, Math::max);
    }

    @FunctionalInterface
    private interface SlackCall {
        SlackApiTextResponse call() throws IOException, SlackApiException, Exception;
    }

    private void call(String channel, String method, SlackCall call) throws PostFailure {
        SlackApiTextResponse response;
        try {
            response = call.call();
        } catch (SlackApiException e) {
            int status = e.getResponse().code();
            if (status == 429) {
                Duration retryAfter = retryAfter(e.getResponse().header("Retry-After"));
                holdOff(channel, retryAfter);
                throw PostFailure.temporary(method + " to " + channel + " was rate limited; retry after "
                        + retryAfter.toSeconds() + " s", retryAfter, e);
            }
            if (status >= 500) {
                throw PostFailure.temporary(method + " to " + channel + " failed with HTTP " + status, null, e);
            }
            String error = e.getError() == null ? null : e.getError().getError();
            if (error != null && TEMPORARY.contains(error)) {
                throw PostFailure.temporary(method + " to " + channel + " failed: " + error, null, e);
            }
            throw PostFailure.permanent(method + " to " + channel + " failed with HTTP " + status
                    + (error == null ? "" : ": " + error), e);
        } catch (IOException e) {
            throw PostFailure.temporary(method + " to " + channel + " could not reach Slack: " + e, null, e);
        } catch (Exception e) {
            /* filesUploadV2 wraps its steps' failures; treat them as worth another try. */
            throw PostFailure.temporary(method + " to " + channel + " failed: " + e, null, e);
        }
        if (response != null && !response.isOk()) {
            String error = String.valueOf(response.getError());
            if (PERMANENT.contains(error)) {
                throw PostFailure.permanent(method + " to " + channel + " failed: " + error, null);
            }
            if (TEMPORARY.contains(error)) {
                throw PostFailure.temporary(method + " to " + channel + " failed: " + error, null, null);
            }
            /* An error we do not know: retrying the same request will most likely fail the same way. */
            throw PostFailure.permanent(method + " to " + channel + " failed: " + error, null);
        }
        log.debug("{} to {} ok", method, channel);
    }

    static Duration retryAfter(String header) {
        if (header != null) {
            try {
                long seconds = Long.parseLong(header.strip());
                if (seconds >= 0) {
                    return Duration.ofSeconds(seconds);
                }
            } catch (NumberFormatException ignored) {
                /* Slack sends whole seconds; anything else falls back to a minute. */
            }
        }
        return Duration.ofSeconds(60);
    }
}
