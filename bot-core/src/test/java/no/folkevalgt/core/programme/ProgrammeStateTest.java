package no.folkevalgt.core.programme;

import static no.folkevalgt.core.programme.ProgrammeCommandsTest.BUNDLED;
import static no.folkevalgt.core.programme.ProgrammeLoaderTest.oslo;
import static org.assertj.core.api.Assertions.assertThat;

import no.folkevalgt.core.programme.ProgrammeState.Phase;
import org.junit.jupiter.api.Test;

/** {@link Programme#stateAt}: the one answer to "where does the programme stand?". */
class ProgrammeStateTest {

    @Test
    void beforeTheFirstSlot_itHasNotStarted() {
        ProgrammeState s = state("2019-11-05T08:59");
        assertThat(s.phase()).isEqualTo(Phase.NOT_STARTED);
        assertThat(s.phase().code()).isEqualTo("not-started");
        assertThat(s.day()).isEqualTo(1);
        assertThat(s.summary()).isEqualTo("Programmet har ikke startet. Det starter tirsdag 5. november kl. 09.00 "
                + "med KS – Kommunesektorens organisasjon.");
    }

    @Test
    void inASession_itIsThatSession() {
        ProgrammeState s = state("2019-11-05T09:00");
        assertThat(s.phase()).isEqualTo(Phase.SESSION);
        assertThat(s.current().orElseThrow().title()).isEqualTo("KS – Kommunesektorens organisasjon");
        assertThat(s.summary()).isEqualTo("Nå: KS – Kommunesektorens organisasjon (kl. 09.00–09.20).");
    }

    @Test
    void inABreak_atLunch_andInTheGapBeforeDinner_itIsABreak() {
        assertThat(state("2019-11-05T09:55").summary()).isEqualTo("Nå: Pause (kl. 09.50–10.05).");
        assertThat(state("2019-11-05T11:30").phase()).isEqualTo(Phase.BREAK);
        ProgrammeState gap = state("2019-11-05T16:10");
        assertThat(gap.phase()).isEqualTo(Phase.BREAK);
        assertThat(gap.current()).isEmpty();
        assertThat(gap.summary()).isEqualTo("Pause i programmet. Neste: Middag kl. 16.30.");
    }

    @Test
    void afterADaysLastSlot_itIsBetweenDays() {
        ProgrammeState s = state("2019-11-05T18:00");
        assertThat(s.phase()).isEqualTo(Phase.BETWEEN_DAYS);
        assertThat(s.phase().code()).isEqualTo("between-days");
        assertThat(s.day()).isEqualTo(1);
        assertThat(s.summary()).isEqualTo("Dag 1 er ferdig. Dag 2 starter onsdag 6. november kl. 09.00 med Refleksjoner fra i går.");
    }

    @Test
    void afterTheLastSlot_itIsOver() {
        for (String t : new String[] {"2019-11-06T15:00", "2019-11-06T20:00", "2026-01-01T12:00"}) {
            ProgrammeState s = state(t);
            assertThat(s.phase()).as(t).isEqualTo(Phase.OVER);
            assertThat(s.day()).isEqualTo(2);
            assertThat(s.summary()).isEqualTo("Programmet er over.");
        }
    }

    private static ProgrammeState state(String local) {
        return BUNDLED.stateAt(oslo(local).toInstant());
    }
}
