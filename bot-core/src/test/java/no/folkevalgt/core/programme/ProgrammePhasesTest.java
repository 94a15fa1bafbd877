package no.folkevalgt.core.programme;

import static no.folkevalgt.core.programme.ProgrammeCommandsTest.BUNDLED;
import static no.folkevalgt.core.programme.ProgrammeCommandsTest.clockAt;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import no.folkevalgt.core.port.Incoming;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * "program", "program i morgen" and "program dag N" before, during and after the event, on a fixed
 * clock: what is said first, which agenda follows, and a footer that names the other day rightly.
 */
class ProgrammePhasesTest {

    static final String RUNS = "KS Folkevalgtprogram i Rakkestad kommune går dag 1 tirsdag 5. november og dag 2 onsdag 6. november 2019.";
    static final String RAN = "KS Folkevalgtprogram i Rakkestad kommune gikk dag 1 tirsdag 5. november og dag 2 onsdag 6. november 2019.";
    static final String DAY_ONE_HEADING = "Program dag 1 – tirsdag 5. november 2019";
    static final String DAY_TWO_HEADING = "Program dag 2 – onsdag 6. november 2019";
    static final String WHERE = "\nKS Folkevalgtprogram, Rakkestad kommune";

    @Nested
    class Before {
        static final String A_WEEK_BEFORE = "2019-11-01T12:00";

        @Test
        void program_saysWhenItStarts_thenShowsDayOne() {
            List<String> blocks = blocks(A_WEEK_BEFORE, "program");
            assertThat(blocks.get(0)).isEqualTo("Programmet starter tirsdag 5. november kl. 09.00 med KS – Kommunesektorens organisasjon.");
            assertThat(blocks.get(1)).isEqualTo(DAY_ONE_HEADING + WHERE);
            assertThat(blocks.get(2)).startsWith("09.00–09.20  KS – Kommunesektorens organisasjon  → neste\n");
            assertThat(last(blocks)).isEqualTo("Skriv «program dag 2» for onsdag 6. november, og «neste» for det som kommer etterpå.");
        }

        @Test
        void programIMorgen_onADayWithoutProgramme_saysSo_andWhenItStarts() {
            List<String> blocks = blocks(A_WEEK_BEFORE, "program i morgen");
            assertThat(blocks.get(0)).isEqualTo("I morgen er det ikke program. Programmet starter tirsdag 5. november kl. 09.00 "
                    + "med KS – Kommunesektorens organisasjon.");
            assertThat(blocks.get(1)).isEqualTo(DAY_ONE_HEADING + WHERE);
        }

        @Test
        void programIMorgen_theEveningBefore_isDayOne() {
            List<String> blocks = blocks("2019-11-04T20:00", "program i morgen");
            assertThat(blocks.get(0)).isEqualTo(DAY_ONE_HEADING + " (i morgen)" + WHERE);
            assertThat(last(blocks)).isEqualTo("Skriv «program dag 2» for onsdag 6. november, og «neste» for det som kommer etterpå.");
        }

        @Test
        void programDag2_showsDayTwo_withAFooterNamingDayOne() {
            List<String> blocks = blocks(A_WEEK_BEFORE, "program dag 2");
            assertThat(blocks.get(0)).isEqualTo(DAY_TWO_HEADING + WHERE);
            assertThat(last(blocks)).isEqualTo("Skriv «program dag 1» for tirsdag 5. november, og «neste» for det som kommer etterpå.");
        }
    }

    @Nested
    class During {
        static final String DAY_ONE = "2019-11-05T10:30";
        static final String DAY_TWO = "2019-11-06T12:00";

        @Test
        void programIMorgen_onDayOne_isDayTwo_andItsFooterNamesDayOne() {
            List<String> blocks = blocks(DAY_ONE, "program i morgen");
            assertThat(blocks.get(0)).isEqualTo(DAY_TWO_HEADING + " (i morgen)" + WHERE);
            assertThat(blocks.get(1)).startsWith("09.00–09.45  Refleksjoner fra i går\n").doesNotContain("▶ nå");
            assertThat(last(blocks)).isEqualTo("Skriv «program dag 1» for tirsdag 5. november, og «neste» for det som kommer etterpå.");
        }

        @Test
        void programDag2_isTheSameAsProgramIMorgen() {
            assertThat(blocks(DAY_ONE, "program dag 2")).isEqualTo(blocks(DAY_ONE, "program i morgen"));
        }

        @Test
        void program_onDayOne_marksNowAndNext_andItsFooterNamesDayTwo() {
            List<String> blocks = blocks(DAY_ONE, "program");
            assertThat(blocks.get(0)).isEqualTo(DAY_ONE_HEADING + " (i dag)" + WHERE);
            assertThat(blocks.get(1)).contains("10.05–11.00  Hva innebærer det å være folkevalgt?  ▶ nå\n"
                    + "11.00–11.30  Informasjon fra administrasjonen  → neste\n");
            assertThat(last(blocks)).isEqualTo("Skriv «program dag 2» for onsdag 6. november, og «neste» for det som kommer etterpå.");
        }

        @Test
        void programIMorgen_onTheLastDay_saysThereIsNone_andPointsToTodayAndTheOtherDay() {
            assertThat(ProgrammeCommandsTest.ask(DAY_TWO, "program i morgen")).isEqualTo("I morgen er det ikke program. " + RUNS
                    + "\n\nSkriv «program» for dagens program eller «program dag 1» for tirsdag 5. november.");
        }

        @Test
        void programDag1_onDayTwo_isYesterday() {
            List<String> blocks = blocks(DAY_TWO, "program dag 1");
            assertThat(blocks.get(0)).isEqualTo(DAY_ONE_HEADING + " (i går)" + WHERE);
            assertThat(blocks.get(1)).doesNotContain("▶ nå").doesNotContain("→ neste");
            assertThat(last(blocks)).isEqualTo("Skriv «program dag 2» for onsdag 6. november, og «neste» for det som kommer etterpå.");
        }
    }

    @Nested
    class After {
        static final String THE_DAY_AFTER = "2019-11-07T10:00";

        @Test
        void program_andProgramIMorgen_sayItIsOver_withoutShowingADayThatWasNotAsked() {
            String expected = "Programmet er over. " + RAN
                    + "\n\nSkriv «program dag 1» eller «program dag 2» for å se programmet for en av dagene.";
            assertThat(ProgrammeCommandsTest.ask(THE_DAY_AFTER, "program")).isEqualTo(expected);
            assertThat(ProgrammeCommandsTest.ask(THE_DAY_AFTER, "program i morgen")).isEqualTo(expected);
            assertThat(ProgrammeCommandsTest.ask(THE_DAY_AFTER, "/program i dag")).isEqualTo(expected);
        }

        @Test
        void programDag1_saysItIsOver_thenShowsDayOne_withoutNowOrNext_andAFooterNamingDayTwo() {
            List<String> blocks = blocks(THE_DAY_AFTER, "program dag 1");
            assertThat(blocks.get(0)).isEqualTo("Programmet er over. " + RAN);
            assertThat(blocks.get(1)).isEqualTo(DAY_ONE_HEADING + WHERE);
            assertThat(blocks.get(2)).startsWith("09.00–09.20  KS – Kommunesektorens organisasjon\n")
                    .doesNotContain("▶ nå").doesNotContain("→ neste");
            assertThat(last(blocks)).isEqualTo("Skriv «program dag 2» for onsdag 6. november.");
        }

        @Test
        void programDag2_theDayAfter_isYesterday_andItsFooterNamesDayOne() {
            List<String> blocks = blocks(THE_DAY_AFTER, "program dag 2");
            assertThat(blocks.get(0)).isEqualTo("Programmet er over. " + RAN);
            assertThat(blocks.get(1)).isEqualTo(DAY_TWO_HEADING + " (i går)" + WHERE);
            assertThat(last(blocks)).isEqualTo("Skriv «program dag 1» for tirsdag 5. november.");
        }

        @Test
        void program_theEveningOfTheLastDay_saysItIsOver_andShowsThatDay() {
            List<String> blocks = blocks("2019-11-06T20:00", "program");
            assertThat(blocks.get(0)).isEqualTo("Programmet er over. " + RAN);
            assertThat(blocks.get(1)).isEqualTo(DAY_TWO_HEADING + " (i dag)" + WHERE);
            assertThat(last(blocks)).isEqualTo("Skriv «program dag 1» for tirsdag 5. november.");
        }
    }

    static List<String> blocks(String localDateTime, String text) {
        return new ProgrammeCommands(BUNDLED, clockAt(localDateTime)).handle(Incoming.local(text), text).orElseThrow().blocks();
    }

    static String last(List<String> blocks) {
        return blocks.get(blocks.size() - 1);
    }
}
