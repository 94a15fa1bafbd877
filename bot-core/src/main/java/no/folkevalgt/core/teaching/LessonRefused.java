package no.folkevalgt.core.teaching;

/** A facilitator's lesson that was not kept, with why in Norwegian for the facilitator. Nothing changed. */
public final class LessonRefused extends RuntimeException {

    public LessonRefused(String message) {
        super(message);
    }
}
