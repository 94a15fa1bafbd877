package no.folkevalgt.core;

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
}
