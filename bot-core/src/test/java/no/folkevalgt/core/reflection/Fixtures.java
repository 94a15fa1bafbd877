package no.folkevalgt.core.reflection;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import no.folkevalgt.core.port.ChannelRef;
import no.folkevalgt.core.port.Incoming;
import no.folkevalgt.core.programme.Programme;
import no.folkevalgt.core.programme.Prompt;

/** A small programme in Rakkestad, 5 and 6 November 2019. */
final class Fixtures {

    static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

    static final String P1 = "Hvorfor engasjerte du deg i lokalpolitikken?";
    static final String P2 = "Hvordan vil vi ha det hos oss?";
    static final String P3 = "Hva tar du med deg hjem?";

    private Fixtures() {
    }

    /**
     * Prompt 1 (named, free text): day 1 10.15–10.45. Prompt 2 (anonymous, at most five words): day 1
     * 13.00–13.30. Prompt 3 (anonymous, free text): day 2 11.00–11.30.
     */
    static Programme programme() {
        return new Programme("KS Folkevalgtprogram", "Rakkestad kommune", OSLO, List.of(), List.of(
                new Prompt(1, P1, "Refleksjonsoppgave: " + P1 + " Del gjerne med sidemannen først.",
                        at(5, 10, 15), at(5, 10, 45), false, 0),
                new Prompt(2, P2, P2 + " Skriv inntil fem ord.", at(5, 13, 0), at(5, 13, 30), true, 5),
                new Prompt(3, P3, P3, at(6, 11, 0), at(6, 11, 30), true, 0)),
                List.of(new ChannelRef("local", "programmet")), Duration.ofMinutes(10));
    }

    /** The same programme without prompts. */
    static Programme withoutPrompts() {
        return new Programme("KS Folkevalgtprogram", "Rakkestad kommune", OSLO, List.of(), List.of(),
                List.of(new ChannelRef("local", "programmet")), Duration.ofMinutes(10));
    }

    static ZonedDateTime at(int november, int hour, int minute) {
        return LocalDateTime.of(2019, 11, november, hour, minute).atZone(OSLO);
    }

    static Incoming slack(String user, String text) {
        return new Incoming("slack", "T01", user, "C01", null, text);
    }
}
