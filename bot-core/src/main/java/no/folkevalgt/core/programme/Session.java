package no.folkevalgt.core.programme;

import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * One slot of a programme day.
 *
 * @param day   the programme day, from 1
 * @param title as the agenda names it, e.g. "Samspillet med administrasjonen"
 * @param kind  session, break, lunch or dinner
 * @param start when it starts, in the programme's time zone
 * @param end   when it ends (the next slot's start when the file gives none); after start
 */
public record Session(int day, String title, SessionKind kind, ZonedDateTime start, ZonedDateTime end) {

    public Session {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (day < 1) {
            throw new IllegalArgumentException("day must be 1 or more but was " + day + " for " + title);
        }
        if (title.isBlank()) {
            throw new IllegalArgumentException("a session needs a title (day " + day + ", " + start + ")");
        }
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("«" + title + "» ends (" + end + ") before it starts (" + start + ")");
        }
    }
}
