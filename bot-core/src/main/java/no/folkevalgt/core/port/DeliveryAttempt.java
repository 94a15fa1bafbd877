package no.folkevalgt.core.port;

import java.time.Instant;
import java.util.Objects;


/**
 * One line of the delivery log.
 *
 * @param postId   the planned post's id
 * @param channel  where it was to go
 * @param attempt  1 for the first try
 * @param at       when the attempt was made
 * @param status   what happened
 * @param detail   the platform's error or a note, in English for the log; "" when none; never a secret
 * @param instance which bot instance made the attempt (host and process)
 */
public record DeliveryAttempt(String postId, ChannelRef channel, int attempt, Instant at, DeliveryStatus status,
                              String detail, String instance) {

    public DeliveryAttempt {
        Objects.requireNonNull(postId, "postId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(status, "status");
        detail = detail == null ? "" : detail;
        instance = instance == null ? "" : instance;
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt must be 1 or more but was " + attempt);
        }
    }
}
