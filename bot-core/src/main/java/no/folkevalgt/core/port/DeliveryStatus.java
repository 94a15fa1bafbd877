package no.folkevalgt.core.port;

/** The outcome of one attempt to deliver a planned post. */
public enum DeliveryStatus {
    /** Posted on time. */
    SENT,
    /** Posted after its time (the bot was down), within the grace window; marked as late in the text. */
    LATE,
    /** This attempt failed; another will follow. */
    RETRYING,
    /** Failed for good: retries used up, or a failure retrying cannot fix. */
    FAILED,
    /** Not posted: found more than the grace window after its time. */
    SKIPPED
}
