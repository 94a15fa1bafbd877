package no.folkevalgt.slack;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The ids of events and commands this instance has already taken, so that Slack's retries and
 * duplicated deliveries are answered once. Bounded and expiring: Slack retries within minutes.
 */
final class SeenIds {

    private final Cache<String, Boolean> seen;

    SeenIds(long maximumSize, Duration keep) {
        this.seen = Caffeine.newBuilder().maximumSize(maximumSize).expireAfterWrite(keep).build();
    }

    /** True the first time this id is offered; false for every later offer. Null ids are always new. */
    boolean firstTime(String id) {
        if (id == null || id.isBlank()) {
            return true;
        }
        return seen.asMap().putIfAbsent(id, Boolean.TRUE) == null;
    }
}
