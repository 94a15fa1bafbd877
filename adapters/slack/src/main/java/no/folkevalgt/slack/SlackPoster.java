package no.folkevalgt.slack;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.response.conversations.ConversationsHistoryResponse;
import com.slack.api.model.Message;
import no.folkevalgt.core.delivery.Backoff;
import no.folkevalgt.core.port.ChannelPoster;
import no.folkevalgt.core.port.ChannelRef;
import no.folkevalgt.core.port.PostFailure;
import no.folkevalgt.core.port.Reply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts programme messages to Slack channels: chat.postMessage, and the files API (upload URL, then
 * complete) for an image. Paces posts to about one a second per channel, Slack's documented limit, and
 * reports Slack's answers as {@link PostFailure}s the scheduler can act on.
 *
 * <p>A planned post carries its id in Slack message metadata ({@value #EVENT_TYPE}, payload
 * {@code {"post_id": ...}}), so that after an instance died while posting, {@link #wasPosted} can look
 * for it in the channel's history (conversations.history, which needs channels:history or
 * groups:history) instead of posting it a second time.
 *
 * <p>{@code slack:default} in programme.yaml stands for {@code SLACK_DEFAULT_CHANNEL}: a post to it goes
 * to that channel, and fails for good when it is not set.
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

    /** The metadata event type of planned posts; the payload is {@code {"post_id": "<id>"}}. */
    static final String EVENT_TYPE = "folkevalgt_post";
    static final String POST_ID = "post_id";
    /* conversations.history: Slack recommends at most 200 a page; more pages than this and we cannot tell. */
    static final int HISTORY_PAGE = 200;
    static final int HISTORY_MAX_PAGES = 5;
    /** The channel id in programme.yaml ({@code slack:default}) that stands for {@code SLACK_DEFAULT_CHANNEL}. */
    static final String DEFAULT = "default";

    private final MethodsClient client;
    private final long intervalNanos;
    private final ConcurrentHashMap<String, Long> nextSlot = new ConcurrentHashMap<>();
    private final String defaultChannel;

    /**
     * @param defaultChannel {@code SLACK_DEFAULT_CHANNEL}, which {@code slack:default} stands for; null when not set
     */
    SlackPoster(MethodsClient client, Duration interval, String defaultChannel) {
        this.client = Objects.requireNonNull(client, "client");
        this.intervalNanos = interval.toNanos();
        this.defaultChannel = defaultChannel;
    }

    /** The channel a post goes to: {@code slack:default} resolved to {@code SLACK_DEFAULT_CHANNEL}. */
    private String target(ChannelRef channel) throws PostFailure {
        if (!DEFAULT.equals(channel.id())) {
            return channel.id();
        }
        if (defaultChannel == null) {
            throw PostFailure.permanent(
                    "programme.yaml poster til slack:default, men SLACK_DEFAULT_CHANNEL er ikke satt", null);
        }
        return defaultChannel;
    }

    @Override
    public void post(ChannelRef channel, Reply reply) throws PostFailure {
        send(channel, reply, null);
    }

    /** Posts as {@link #post(ChannelRef, Reply)}, with the post's id in the message's metadata. */
    @Override
    public void post(ChannelRef channel, Reply reply, String postId) throws PostFailure {
        send(channel, reply, postId);
    }

    private void send(ChannelRef channel, Reply reply, String postId) throws PostFailure {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(reply, "reply");
        if (!SlackAdapter.PLATFORM.equals(channel.platform())) {
            throw PostFailure.permanent("not a Slack channel: " + channel, null);
        }
        String id = target(channel);
        pace(id);
        BlockKit.Rendered rendered = BlockKit.render(reply, BlockKit.Options.PLAIN);
        Message.Metadata metadata = postId == null ? null
                : Message.Metadata.builder().eventType(EVENT_TYPE).eventPayload(Map.of(POST_ID, postId)).build();
        call(id, "chat.postMessage", () -> client.chatPostMessage(r -> r.channel(id).text(rendered.text())
                .blocks(rendered.blocks()).unfurlLinks(false).unfurlMedia(false).metadata(metadata)));
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

    /**
     * Looks for the post in the channel's history since {@code since}: conversations.history with all
     * metadata, newest first, at most {@value #HISTORY_MAX_PAGES} pages of {@value #HISTORY_PAGE}.
     *
     * @return true when a message there carries this post id; false when the history since then was read
     *         to its end without one; empty when Slack could not be asked or answered with an error
     *         (missing_scope, not_in_channel, ratelimited...), or the history is longer than the pages read
     */
    @Override
    public Optional<Boolean> wasPosted(ChannelRef channel, String postId, Instant since) {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(postId, "postId");
        Objects.requireNonNull(since, "since");
        if (!SlackAdapter.PLATFORM.equals(channel.platform())) {
            return Optional.empty();
        }
        String id;
        try {
            id = target(channel);
        } catch (PostFailure e) {
            return Optional.empty();
        }
        String oldest = ts(since);
        String cursor = null;
        for (int page = 1; page <= HISTORY_MAX_PAGES; page++) {
            String pageCursor = cursor;
            ConversationsHistoryResponse response;
            try {
                response = client.conversationsHistory(r -> r.channel(id).oldest(oldest).inclusive(true)
                        .includeAllMetadata(true).limit(HISTORY_PAGE).cursor(pageCursor));
            } catch (SlackApiException e) {
                int status = e.getResponse().code();
                String error = e.getError() == null ? null : e.getError().getError();
                return cannotTell(id, postId, "HTTP " + status + (error == null ? "" : " " + error));
            } catch (IOException e) {
                return cannotTell(id, postId, "could not reach Slack (" + e.getClass().getSimpleName() + ")");
            } catch (RuntimeException e) {
                /* An answer the SDK could not read, for one. */
                return cannotTell(id, postId, e.getClass().getSimpleName());
            }
            if (response == null || !response.isOk()) {
                String error = response == null ? "no answer" : String.valueOf(response.getError());
                String needed = response == null ? null : response.getNeeded();
                return cannotTell(id, postId, error + (needed == null ? "" : " (needed: " + needed + ")"));
            }
            if (carries(response.getMessages(), postId)) {
                log.debug("Post {} found in {} (page {} of its history since {})", postId, id, page, oldest);
                return Optional.of(true);
            }
            String next = response.getResponseMetadata() == null ? null : response.getResponseMetadata().getNextCursor();
            if (next == null || next.isEmpty()) {
                if (response.isHasMore()) {
                    return cannotTell(id, postId, "has_more without a next_cursor");
                }
                log.debug("Post {} not in {} ({} page(s) of its history since {})", postId, id, page, oldest);
                return Optional.of(false);
            }
            cursor = next;
        }
        return cannotTell(id, postId, "more than " + HISTORY_MAX_PAGES * HISTORY_PAGE + " messages since " + oldest);
    }

    private static boolean carries(List<Message> messages, String postId) {
        if (messages == null) {
            return false;
        }
        for (Message message : messages) {
            Message.Metadata metadata = message.getMetadata();
            if (metadata != null && EVENT_TYPE.equals(metadata.getEventType()) && metadata.getEventPayload() != null
                    && postId.equals(metadata.getEventPayload().get(POST_ID))) {
                return true;
            }
        }
        return false;
    }

    private static Optional<Boolean> cannotTell(String channel, String postId, String why) {
        log.warn("Cannot tell whether post {} is already in {}: conversations.history failed: {}", postId, channel, why);
        return Optional.empty();
    }

    /** Slack's "ts" form of an instant: epoch seconds, a dot, microseconds. */
    static String ts(Instant instant) {
        Instant at = instant.isBefore(Instant.EPOCH) ? Instant.EPOCH : instant;
        return at.getEpochSecond() + "." + String.format("%06d", at.getNano() / 1000);
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
                /* Without a Retry-After (Slack always sends one) the scheduler's backoff decides, as for Teams. */
                Duration retryAfter = Backoff.retryAfter(e.getResponse().header("Retry-After"));
                if (retryAfter == null) {
                    throw PostFailure.temporary(method + " to " + channel + " was rate limited", null, e);
                }
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
}
