package no.folkevalgt.teams;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An activity's {@code timestamp} in the one form the Bot Framework SDK reads. The SDK's {@code Activity}
 * reads it with the pattern {@code yyyy-MM-dd'T'HH:mm:ss.nXXX}, so {@code 2026-12-05T10:00:00Z} (no
 * fraction) fails the whole activity, and {@code .5} reads as 5 nanoseconds. Before the SDK reads an
 * activity, its timestamp is parsed as ISO-8601 (with or without a fraction of up to nine digits; an
 * offset {@code Z}, {@code +01:00} or {@code +0100}; none means UTC) and written back in the SDK's form.
 */
final class ActivityTimestamps {

    static final String FIELD = "timestamp";

    /* The SDK's own pattern: 'n' is the nano-of-second as a plain number, so it round-trips exactly. */
    private static final DateTimeFormatter SDK = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.nXXX");
    private static final DateTimeFormatter ISO = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral('T')
            .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2).appendLiteral(':')
            .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter();

    private ActivityTimestamps() {
    }

    /**
     * Rewrites the tree's {@code timestamp} in place, when it is a text.
     *
     * @return false when it is there but no ISO-8601 date and time
     */
    static boolean normalize(JsonNode activity) {
        if (!(activity instanceof ObjectNode object) || !object.path(FIELD).isTextual()) {
            return true;
        }
        String text = object.get(FIELD).asText().strip();
        try {
            var parsed = ISO.parse(text);
            LocalDateTime local = LocalDateTime.from(parsed);
            ZoneOffset offset = parsed.isSupported(ChronoField.OFFSET_SECONDS)
                    ? ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS)) : ZoneOffset.UTC;
            object.put(FIELD, SDK.format(OffsetDateTime.of(local, offset)));
            return true;
        } catch (java.time.DateTimeException e) {
            return false;
        }
    }
}
