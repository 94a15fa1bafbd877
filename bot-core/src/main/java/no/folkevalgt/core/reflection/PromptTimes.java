package no.folkevalgt.core.reflection;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

import no.folkevalgt.core.programme.Programme;
import no.folkevalgt.core.programme.Prompt;

/** Which prompt is open when, and times as a Norwegian reader expects them. */
final class PromptTimes {

    static final Locale BOKMAAL = Locale.forLanguageTag("nb-NO");

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("'kl.' HH.mm", BOKMAAL);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d. MMMM", BOKMAAL);

    private PromptTimes() {
    }

    static boolean hasOpened(Prompt prompt, Instant now) {
        return !prompt.opens().toInstant().isAfter(now);
    }

    static boolean isOpen(Prompt prompt, Instant now) {
        return hasOpened(prompt, now) && now.isBefore(prompt.closes().toInstant());
    }

    /** The next prompt to open after {@code now}. */
    static Optional<Prompt> next(Programme programme, Instant now) {
        return programme.prompts().stream()
                .filter(p -> !hasOpened(p, now))
                .min(Comparator.comparing((Prompt p) -> p.opens().toInstant()).thenComparingInt(Prompt::number));
    }

    /** "i dag kl. 10.15", "i morgen kl. 09.00", "tirsdag 5. november kl. 13.00". */
    static String when(ZonedDateTime time, Instant now) {
        LocalDate today = now.atZone(time.getZone()).toLocalDate();
        LocalDate day = time.toLocalDate();
        String clock = CLOCK.format(time);
        if (day.equals(today)) {
            return "i dag " + clock;
        }
        if (day.equals(today.plusDays(1))) {
            return "i morgen " + clock;
        }
        if (day.equals(today.minusDays(1))) {
            return "i går " + clock;
        }
        return DAY.format(time) + " " + clock;
    }

    /** "kl. 14.30" in the programme's zone. */
    static String clock(ZonedDateTime time) {
        return CLOCK.format(time);
    }
}
