package no.folkevalgt.core.port;

import java.util.List;
import java.util.Optional;

/**
 * A group of commands the bot understands besides questions to the material, registered like a
 * handler: {@code Bot.builder().knowledgeBase(kb).commands(List.of(programmeCommands, reflectionCommands))}.
 * The bot tries each group in order; the first that recognises the message answers it.
 */
public interface Commands {

    /**
     * Answers a message if it is one of these commands.
     *
     * @param incoming the message as it came
     * @param text     its text, cleaned of control and invisible characters, trimmed
     * @return the reply, or empty when the message is not for this group (then the next group, and
     *         finally the knowledge base, gets it). Must not throw for anything a user can type.
     */
    Optional<Reply> handle(Incoming incoming, String text);

    /**
     * As {@link #handle(Incoming, String)}, with the platform's id for this message (Slack's
     * {@code trigger_id}, a Teams activity id), so that a platform's retry of the same message changes
     * nothing twice. Groups that store nothing need not override it.
     */
    default Optional<Reply> handle(Incoming incoming, String text, String requestId) {
        return handle(incoming, text);
    }

    /** Lines for the help text, e.g. "program – dagens program". */
    List<String> help();
}
