package no.folkevalgt.core.port;

import java.time.Instant;
import java.util.Optional;

/**
 * Posts a reply to a channel later, outside a conversation: reminders, prompts, summaries.
 * Slack implements it with chat.postMessage, Teams with continueConversation, the terminal by printing.
 */
@FunctionalInterface
public interface ChannelPoster {

    /**
     * Posts once. Implementations do not retry; the scheduler does, with backoff.
     *
     * @throws PostFailure when the platform refused or could not be reached
     */
    void post(ChannelRef channel, Reply reply) throws PostFailure;

    /**
     * Posts once, marked with the planned post's id where the platform can keep it with the message
     * (Slack: message metadata), so that {@link #wasPosted} can find it later. Unless overridden, the
     * same as {@link #post(ChannelRef, Reply)}.
     *
     * @param postId the planned post's id, stable across instances and restarts
     * @throws PostFailure when the platform refused or could not be reached
     */
    default void post(ChannelRef channel, Reply reply, String postId) throws PostFailure {
        post(channel, reply);
    }

    /**
     * Whether the post with this id is in the channel, posted at or after {@code since}. The scheduler
     * asks when an instance died while posting it, before posting it again: the platform may have
     * taken it before the instance could record so.
     *
     * @return true or false when the platform can tell (it was posted with {@link #post(ChannelRef, Reply, String)});
     *         empty when it cannot (the default), and then the post is made again
     */
    default Optional<Boolean> wasPosted(ChannelRef channel, String postId, Instant since) {
        return Optional.empty();
    }
}
