package no.folkevalgt.core.port;

import java.time.Duration;
import java.util.Optional;

/** A post the platform did not take. Says whether trying again can help, and when. */
public final class PostFailure extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Duration retryAfter;
    private final boolean permanent;

    private PostFailure(String message, Duration retryAfter, boolean permanent, Throwable cause) {
        super(message, cause);
        this.retryAfter = retryAfter;
        this.permanent = permanent;
    }

    /** A failure worth retrying (timeout, 5xx, rate limit); {@code retryAfter} may be null. */
    public static PostFailure temporary(String message, Duration retryAfter, Throwable cause) {
        return new PostFailure(message, retryAfter, false, cause);
    }

    /** A failure retrying cannot fix (channel not found, bot not in channel, bad token). */
    public static PostFailure permanent(String message, Throwable cause) {
        return new PostFailure(message, null, true, cause);
    }

    /** The wait the platform asked for (HTTP Retry-After), if it gave one. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    public boolean permanent() {
        return permanent;
    }
}
