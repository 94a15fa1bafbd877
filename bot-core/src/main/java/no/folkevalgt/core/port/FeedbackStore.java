package no.folkevalgt.core.port;

import java.util.List;

/** Answer feedback, for facilitators to see which answers did not help. */
public interface FeedbackStore {

    /** Stores a click; a user's second click on the same answer replaces the first. Committed on return. */
    void record(Feedback feedback);

    /** All feedback, newest first. */
    List<Feedback> all();
}
