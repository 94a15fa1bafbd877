package no.folkevalgt.core.programme;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the programme stands at one instant: the one answer the chat ("hva skjer nå?") and the
 * facilitator page ("Nå: …") both give. See {@link Programme#stateAt}.
 *
 * @param phase   not started, a session, a break (a break, lunch, dinner or a gap within a day),
 *                between two days, or over
 * @param day     the programme day going on, or the day just ended between days; the first day
 *                before the start and the last day when it is over
 * @param current the slot going on, if any
 * @param next    the next slot, if any
 * @param at      the instant the state is for
 */
public record ProgrammeState(Phase phase, int day, Optional<Session> current, Optional<Session> next, Instant at) {

    /** The phases of a programme. */
    public enum Phase {
        /** Before the first slot of the first day. */
        NOT_STARTED,
        /** A session is going on. */
        SESSION,
        /** A break, lunch or dinner, or a gap between slots, within a day. */
        BREAK,
        /** After one day's last slot and before the next day's first. */
        BETWEEN_DAYS,
        /** After the last slot of the last day. */
        OVER;

        /** The phase as the facilitator page's JSON names it: "not-started", "session", ... */
        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    public ProgrammeState {
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(next, "next");
        Objects.requireNonNull(at, "at");
    }

    /**
     * The state in one Norwegian sentence or two, as both the chat and the facilitator page show it:
     * "Programmet er over.", "Nå: Lunsj (kl. 11.30–12.15).", "Programmet har ikke startet. Det starter
     * tirsdag 5. november kl. 09.00 med KS – Kommunesektorens organisasjon.", "Dag 1 er ferdig. Dag 2
     * starter onsdag 6. november kl. 09.00 med Refleksjoner fra i går.",
     * "Pause i programmet. Neste: Middag kl. 16.30."
     */
    public String summary() {
        return switch (phase) {
            case NOT_STARTED -> "Programmet har ikke startet. Det starter " + next.map(ProgrammeState::dateAndTime).orElse("") + ".";
            case SESSION, BREAK -> current.map(s -> "Nå: " + s.title() + " (kl. " + Texts.span(s.start(), s.end()) + ").")
                    .orElseGet(() -> "Pause i programmet." + next.map(n -> " Neste: " + n.title() + " kl. "
                            + Texts.time(n.start()) + ".").orElse(""));
            case BETWEEN_DAYS -> "Dag " + day + " er ferdig." + next.map(n -> " Dag " + n.day() + " starter "
                    + dateAndTime(n) + ".").orElse("");
            case OVER -> "Programmet er over.";
        };
    }

    private static String dateAndTime(Session s) {
        return Texts.dateWithoutYear(s.start().toLocalDate()) + " kl. " + Texts.time(s.start()) + " med " + s.title();
    }
}
