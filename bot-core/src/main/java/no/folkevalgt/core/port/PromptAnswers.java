package no.folkevalgt.core.port;

import java.util.Optional;

/**
 * Takes a reflection answer given in a platform's own form rather than as a text command: the
 * answer field of a prompt card in Teams, the "Svar" modal in Slack. The prompt is known from the
 * form, so the member never types a command or a number.
 *
 * <pre>{@code
 * PromptAnswers.Outcome outcome = bot.answerPrompt(incoming, 2, activityId); // incoming.text() is the answer
 * if (!outcome.stored()) { ... keep the form open with the member's text and show outcome.reply() ... }
 * }</pre>
 */
public interface PromptAnswers {

    /**
     * Stores {@code incoming.text()} as the user's answer to prompt {@code prompt}, once per
     * {@code requestId}.
     *
     * @param requestId the platform's id for the submission (a Teams invoke's activity id, a Slack
     *                  view id), so that a resent submission stores nothing twice; null when none
     * @return whether it was stored, with a private confirmation, or with a private Norwegian message
     *         saying why nothing was stored (no such prompt, not opened yet, no words, too long, the
     *         store away). The reply never quotes the answer, so a front end may show it where others
     *         can see it.
     */
    Outcome answerPrompt(Incoming incoming, int prompt, String requestId);

    /**
     * What became of a form answer.
     *
     * @param stored true when the answer is stored (now, or by an earlier submission with the same id);
     *               false when nothing was stored and the member should be shown {@code reply} with
     *               their text kept, to send again
     * @param reply  the confirmation, or why nothing was stored; private, in Norwegian
     */
    record Outcome(boolean stored, Reply reply) {

        public Outcome {
            java.util.Objects.requireNonNull(reply, "reply");
        }

        /** Nothing was stored, for the reason {@code message} gives. */
        public static Outcome notStored(String message) {
            return new Outcome(false, Reply.privateText(message));
        }
    }

    /** The title of prompt {@code prompt} in the programme now in force, for a form's heading. */
    Optional<String> promptTitle(int prompt);
}
