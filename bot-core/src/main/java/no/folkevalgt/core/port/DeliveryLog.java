package no.folkevalgt.core.port;

import java.util.List;
import java.util.Map;

/** Every attempt to deliver a planned post, for the facilitator page and for exactly-once checks. */
public interface DeliveryLog {

    /** Appends an attempt; committed before it returns. */
    void record(DeliveryAttempt attempt);

    /** The attempts for one post, oldest first. */
    List<DeliveryAttempt> attempts(String postId);

    /** Every attempt, oldest first. */
    List<DeliveryAttempt> all();

    /** Whether a post was delivered (SENT or LATE) already: a re-run of the same post must not post again. */
    boolean delivered(String postId);

    /** The latest status of each post that has any attempt, by post id. */
    Map<String, DeliveryStatus> latest();
}
