package no.folkevalgt.core.teaching;

/** A facilitator's lesson that was not kept, with why in Norwegian for the facilitator. Nothing changed. */
public final class LessonRefused extends RuntimeException {

    private final boolean tooOften;

    public LessonRefused(String message) {
        this(message, false);
    }

    private LessonRefused(String message, boolean tooOften) {
        super(message);
        this.tooOften = tooOften;
    }

    /** Refused because facilitators wrote too often ({@link Lessons#MAX_WRITES} a minute): try again later. */
    static LessonRefused writingTooOften() {
        return new LessonRefused("Mange endringer på kort tid: vent et minutt og prøv igjen.", true);
    }

    /** True when the write was refused for coming too often rather than for what it said (HTTP 429). */
    public boolean tooOften() {
        return tooOften;
    }
}
