package no.folkevalgt.core.port;

/**
 * The ids of the buttons the core puts under a reply ({@link Reply.Action#id()}). Every front end
 * recognises a click by these, so they are written here once.
 */
public final class ActionIds {

    /** What both feedback ids start with (a front end may route on it, then check {@link #isFeedback}). */
    public static final String FEEDBACK_PREFIX = "feedback.";
    /** 👍 under an answer: the cited passage helped. */
    public static final String FEEDBACK_UP = FEEDBACK_PREFIX + "up";
    /** 👎 under an answer: the cited passage did not help. */
    public static final String FEEDBACK_DOWN = FEEDBACK_PREFIX + "down";

    /**
     * "Svar" under a posted reflection prompt: the front end lets the member write the answer in its
     * own form (a Teams card's field, a Slack modal). The action's value is the prompt's number.
     */
    public static final String REFLECTION_ANSWER = "reflection.answer";

    private ActionIds() {
    }

    /** Whether {@code id} is one of the two feedback buttons. */
    public static boolean isFeedback(String id) {
        return FEEDBACK_UP.equals(id) || FEEDBACK_DOWN.equals(id);
    }

    /** Whether {@code id} is the 👍 button. */
    public static boolean isHelpful(String id) {
        return FEEDBACK_UP.equals(id);
    }
}
