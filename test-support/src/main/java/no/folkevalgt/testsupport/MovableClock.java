package no.folkevalgt.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that stands still where a test puts it, and moves only when the test moves it. Safe to read
 * from other threads. {@link #withZone} gives a view in another zone that moves with this one.
 */
public final class MovableClock extends Clock {

    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    private MovableClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** A clock at {@code start}, in UTC. */
    public MovableClock(Instant start) {
        this(start, ZoneOffset.UTC);
    }

    /** A clock at {@code start}, in {@code zone}. */
    public MovableClock(Instant start, ZoneId zone) {
        this(new AtomicReference<>(Objects.requireNonNull(start, "start")), zone);
    }

    /** A clock at {@code start}, in its zone. */
    public MovableClock(ZonedDateTime start) {
        this(start.toInstant(), start.getZone());
    }

    /** A clock at an instant written as {@link Instant#parse} reads it ("2019-11-05T09:00:00Z"), in UTC. */
    public static MovableClock at(String instant) {
        return new MovableClock(Instant.parse(instant));
    }

    /** Moves the clock on (or back, for a negative duration). */
    public MovableClock advance(Duration by) {
        now.updateAndGet(t -> t.plus(by));
        return this;
    }

    /** Puts the clock at {@code time}. */
    public MovableClock set(Instant time) {
        now.set(Objects.requireNonNull(time, "time"));
        return this;
    }

    /** Puts the clock at {@code time} (its zone is this clock's own, not the argument's). */
    public MovableClock set(ZonedDateTime time) {
        return set(time.toInstant());
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return zone.equals(this.zone) ? this : new MovableClock(now, zone);
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public long millis() {
        return instant().toEpochMilli();
    }

    @Override
    public String toString() {
        return "MovableClock[" + instant() + "," + zone + "]";
    }
}
