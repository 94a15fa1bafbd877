package no.folkevalgt.core.port;

import java.time.Duration;

/**
 * The ids of requests a platform delivered (Slack's event ids, a slash command's trigger id) that some
 * instance has already taken, kept for the platform's retry window, so that a retried, replayed or
 * duplicated delivery is answered once: by one instance of several, and after a restart.
 */
public interface RequestIds {

    /**
     * Takes the id: true the first time it is offered within {@code keep} of the last time it was
     * taken, false for every later offer, on every instance that shares the store.
     *
     * @param platform {@code slack}, {@code teams}, ...
     * @param id       the platform's id for the request
     * @param keep     how long the id is remembered (the platform's retry window)
     * @throws StoreUnavailable when the store cannot be reached
     */
    boolean firstTime(String platform, String id, Duration keep);
}
