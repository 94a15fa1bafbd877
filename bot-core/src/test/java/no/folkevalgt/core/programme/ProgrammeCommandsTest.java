package no.folkevalgt.core.programme;

import static no.folkevalgt.core.programme.ProgrammeLoaderTest.OSLO;
import static no.folkevalgt.core.programme.ProgrammeLoaderTest.oslo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import no.folkevalgt.core.Bot;
import no.folkevalgt.core.port.Answer;
import no.folkevalgt.core.port.Incoming;
import no.folkevalgt.core.port.KnowledgeBase;
import no.folkevalgt.core.port.Reply;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProgrammeCommandsTest {

    static final Programme BUNDLED = ProgrammeLoader.loadBundled();

    /* The clock times the commands are tried at. */
    static final String EVENING_BEFORE = "2019-11-04T20:00";
    static final String MORNING_BEFORE_START = "2019-11-05T08:30";
    static final String DURING_FIRST_TASK = "2019-11-05T09:30";
    static final String DURING_LUNCH = "2019-11-05T11:40";
    static final String BETWEEN_PROGRAMME_AND_DINNER = "2019-11-05T16:10";
    static final String EVENING_OF_DAY_ONE = "2019-11-05T20:00";
    static final String DAY_TWO_LUNCH = "2019-11-06T12:00";
    static final String AFTER_THE_PROGRAMME = "2019-11-07T10:00";

    /* ---- program ---- */

    @Nested
    class Agenda {

        @Test
        void program_duringTheDay_marksWhatIsOnNowAndNext() {
            String out = ask(DURING_LUNCH, "program");

            assertThat(out).startsWith("Program dag 1 – tirsdag 5. november 2019 (i dag)\nKS Folkevalgtprogram, Rakkestad kommune");
            assertThat(out).contains("09.00–09.20  KS – Kommunesektorens organisasjon\n");
            assertThat(out).contains("11.30–12.15  Lunsj  ▶ nå\n");
            assertThat(out).contains("12.15–13.00  Kommunetorg  → neste\n");
            assertThat(out).contains("16.30–18.00  Middag");
            assertThat(out).containsOnlyOnce("▶ nå").containsOnlyOnce("→ neste");
            assertThat(out).contains("Refleksjonsoppgaver (svar med /refleksjon <svaret ditt>):\n09.25–09.50  1. Hvorfor engasjerte du deg i lokalpolitikken?");
            assertThat(out).doesNotContain("Hvilke ord sitter vi igjen").contains("«program dag 2»");
        }

        @Test
        void program_beforeTheDayStarts_marksTheFirstAsNext_andNothingAsNow() {
            String out = ask(MORNING_BEFORE_START, "/program");

            assertThat(out).contains("09.00–09.20  KS – Kommunesektorens organisasjon  → neste").doesNotContain("▶ nå");
        }

        @Test
        void program_betweenSessions_marksOnlyNext() {
            String out = ask(BETWEEN_PROGRAMME_AND_DINNER, "program i dag");

            assertThat(out).contains("16.30–18.00  Middag  → neste").doesNotContain("▶ nå");
        }

        @Test
        void program_iMorgen_andDag2_showDayTwo() {
            String tomorrow = ask(DURING_FIRST_TASK, "program i morgen");
            String dayTwo = ask(DURING_FIRST_TASK, "/program dag 2");

            assertThat(tomorrow).startsWith("Program dag 2 – onsdag 6. november 2019 (i morgen)");
            assertThat(tomorrow).contains("11.45–12.30  Lunsj").contains("4. Hvilke ord sitter vi igjen fra dagen i går?");
            assertThat(tomorrow).doesNotContain("▶ nå").doesNotContain("→ neste");
            assertThat(dayTwo).isEqualTo(tomorrow);
            assertThat(ask(DURING_FIRST_TASK, "/program 2")).isEqualTo(tomorrow);
            assertThat(ask(DURING_FIRST_TASK, "Program andre dag")).isEqualTo(tomorrow);
            assertThat(ask(DURING_FIRST_TASK, "program onsdag")).isEqualTo(tomorrow);
        }

        @Test
        void program_onDayTwo_marksDayTwo() {
            String out = ask(DAY_TWO_LUNCH, "program");

            assertThat(out).startsWith("Program dag 2 – onsdag 6. november 2019 (i dag)");
            assertThat(out).contains("11.45–12.30  Lunsj  ▶ nå").contains("12.30–13.15  Når pressen banker på døren  → neste");
        }

        @Test
        void program_aDayThatDoesNotExist_orAnArgumentWeDoNotKnow() {
            assertThat(ask(DURING_LUNCH, "program dag 5")).startsWith("Programmet har 2 dager, så det er ingen dag 5.");
            assertThat(ask(DURING_LUNCH, "/program neste uke")).isEqualTo(
                    "Skriv «program» for dagens program, «program i morgen», eller «program dag 1» til «program dag 2».");
        }

        @Test
        void replies_arePrivateToTheAsker() {
            Reply reply = commandsAt(DURING_LUNCH).handle(Incoming.local("program"), "program").orElseThrow();
            assertThat(reply.ephemeral()).isTrue();
        }
    }

    /* ---- neste ---- */

    @Nested
    class Next {

        @Test
        void neste_duringASession_saysWhatIsOnAndWhatComesNext() {
            assertThat(ask(DURING_FIRST_TASK, "neste")).isEqualTo(
                    "Nå: Hvorfor engasjerte jeg meg i lokalpolitikken? (til kl. 09.50). Neste: Pause, kl. 09.50 (om 20 minutter). "
                            + "Deretter: Hva innebærer det å være folkevalgt?, kl. 10.05.");
        }

        @Test
        void neste_beforeTheDay_andBetweenDays_andAfter() {
            assertThat(ask(MORNING_BEFORE_START, "/neste"))
                    .isEqualTo("Programmet har ikke startet. Neste: KS – Kommunesektorens organisasjon, kl. 09.00 (om 30 minutter).");
            assertThat(ask(EVENING_OF_DAY_ONE, "neste")).isEqualTo("Neste: Refleksjoner fra i går, i morgen kl. 09.00.");
            assertThat(ask(EVENING_BEFORE, "neste"))
                    .isEqualTo("Programmet har ikke startet. Neste: KS – Kommunesektorens organisasjon, i morgen kl. 09.00.");
            assertThat(ask(AFTER_THE_PROGRAMME, "neste")).startsWith("Programmet er over.").endsWith("Takk for nå!");
        }

        @Test
        void neste_inTheLastSession_saysItIsTheLast() {
            assertThat(ask("2019-11-06T14:40", "neste"))
                    .isEqualTo("Nå: Vi er snart klare for avgang (til kl. 15.00). Det er det siste i programmet.");
        }
    }

    /* ---- natural questions ---- */

    @Nested
    class Questions {

        @Test
        void naarErLunsj_atSeveralTimes() {
            assertThat(ask(MORNING_BEFORE_START, "Når er lunsj?")).isEqualTo("Lunsj i dag: kl. 11.30–12.15 (om 3 timer).");
            assertThat(ask(DURING_LUNCH, "når er lunsj")).startsWith("Det er lunsj nå, til kl. 12.15. Neste: Kommunetorg, kl. 12.15");
            assertThat(ask(BETWEEN_PROGRAMME_AND_DINNER, "når er lunsj?"))
                    .isEqualTo("Lunsjen i dag var kl. 11.30–12.15. Lunsj i morgen: kl. 11.45–12.30.");
            assertThat(ask(EVENING_BEFORE, "når er lunsj?")).isEqualTo(
                    "Lunsj: dag 1 (tirsdag 5. november) kl. 11.30–12.15 og dag 2 (onsdag 6. november) kl. 11.45–12.30.");
        }

        @Test
        void naarErLunsjIMorgen() {
            assertThat(ask(DURING_FIRST_TASK, "når er lunsj i morgen")).isEqualTo("Lunsj i morgen: kl. 11.45–12.30.");
            assertThat(ask(DURING_FIRST_TASK, "Når er det lunsj i morgon?")).isEqualTo("Lunsj i morgen: kl. 11.45–12.30.");
            assertThat(ask(DAY_TWO_LUNCH, "når er lunsj i morgen?")).startsWith("I morgen er det ikke program.");
        }

        @Test
        void naarStarterVi() {
            assertThat(ask(MORNING_BEFORE_START, "når starter vi?"))
                    .isEqualTo("I dag starter vi kl. 09.00 med KS – Kommunesektorens organisasjon.");
            assertThat(ask(DURING_LUNCH, "Når starter vi?")).isEqualTo(
                    "I dag startet vi kl. 09.00. I morgen starter vi kl. 09.00 med Refleksjoner fra i går.");
            assertThat(ask(EVENING_BEFORE, "når begynner vi")).isEqualTo(
                    "Programmet starter tirsdag 5. november kl. 09.00 med KS – Kommunesektorens organisasjon.");
            assertThat(ask(DURING_LUNCH, "kva tid byrjar vi i morgon?"))
                    .isEqualTo("I morgen starter vi kl. 09.00 med Refleksjoner fra i går.");
            assertThat(ask(AFTER_THE_PROGRAMME, "når starter vi")).startsWith("Programmet er over.");
        }

        @Test
        void naarErMiddag() {
            assertThat(ask(DURING_LUNCH, "når er middag?")).isEqualTo("Middag i dag: kl. 16.30–18.00 (om 4 timer og 50 minutter).");
            assertThat(ask(EVENING_OF_DAY_ONE, "Når er middagen?")).isEqualTo("Middagen i dag var kl. 16.30–18.00.");
            assertThat(ask(DAY_TWO_LUNCH, "når er middag")).isEqualTo(
                    "Det står ingen middag i programmet i dag. Middag: dag 1 (tirsdag 5. november) kl. 16.30–18.00.");
        }

        @Test
        void naarSlutterDagen() {
            assertThat(ask(DURING_LUNCH, "når slutter dagen?"))
                    .isEqualTo("I dag slutter det faglige programmet kl. 16.00. Middag kl. 16.30.");
            assertThat(ask(BETWEEN_PROGRAMME_AND_DINNER, "Når er vi ferdige i dag?"))
                    .isEqualTo("I dag sluttet det faglige programmet kl. 16.00. Middag kl. 16.30.");
            assertThat(ask(DURING_LUNCH, "når slutter vi i morgen?"))
                    .isEqualTo("I morgen slutter det faglige programmet kl. 15.00.");
            assertThat(ask(EVENING_BEFORE, "når slutter dagen")).isEqualTo(
                    "Det faglige programmet slutter dag 1 (tirsdag 5. november) kl. 16.00 og dag 2 (onsdag 6. november) kl. 15.00.");
        }

        @Test
        void hvaSkjerNaa_inBokmaalAndNynorsk() {
            String during = ask(DURING_FIRST_TASK, "Hva skjer nå?");
            assertThat(during).startsWith("Nå: Hvorfor engasjerte jeg meg i lokalpolitikken? (kl. 09.20–09.50). Neste: Pause, kl. 09.50");
            assertThat(ask(DURING_FIRST_TASK, "kva skjer no?")).isEqualTo(during);
            assertThat(ask(BETWEEN_PROGRAMME_AND_DINNER, "hva skjer nå"))
                    .isEqualTo("Akkurat nå står ingenting på programmet. Neste: Middag, kl. 16.30 (om 20 minutter).");
            assertThat(ask(EVENING_BEFORE, "hva skjer nå")).isEqualTo(
                    "Programmet har ikke startet. Det starter tirsdag 5. november kl. 09.00 med KS – Kommunesektorens organisasjon.");
        }

        @Test
        void naarErPausen() {
            assertThat(ask(DURING_FIRST_TASK, "når er pausen?")).isEqualTo("Neste pause i dag: kl. 09.50–10.05 (om 20 minutter).");
            assertThat(ask("2019-11-05T09:55", "når er det pause?")).startsWith("Det er pause nå, til kl. 10.05. Neste: Hva innebærer");
            assertThat(ask(EVENING_OF_DAY_ONE, "når er neste pause")).isEqualTo("Neste pause i morgen: kl. 10.45–11.00.");
            assertThat(ask(DURING_LUNCH, "når er pausene i dag?")).isEqualTo("Pauser i dag: kl. 09.50–10.05, kl. 14.00–14.15 og kl. 14.45–15.00.");
            assertThat(ask(DURING_FIRST_TASK, "er det pause snart?")).isEqualTo("Neste pause i dag: kl. 09.50–10.05 (om 20 minutter).");
        }

        @Test
        void moreWaysOfAsking() {
            assertThat(ask(DURING_FIRST_TASK, "Når er det lunsj?")).startsWith("Lunsj i dag: kl. 11.30–12.15");
            assertThat(ask(DURING_FIRST_TASK, "hvor lenge varer lunsjen?")).startsWith("Lunsj i dag: kl. 11.30–12.15");
            assertThat(ask(DURING_FIRST_TASK, "kor tid er det middag")).startsWith("Middag i dag: kl. 16.30–18.00");
            assertThat(ask(DURING_FIRST_TASK, "når skal vi spise?")).startsWith("Lunsj i dag: kl. 11.30–12.15");
            assertThat(ask(DURING_FIRST_TASK, "hva skjer etter lunsj?")).isEqualTo("Etter lunsjen i dag kommer «Kommunetorg» kl. 12.15.");
            assertThat(ask(DURING_FIRST_TASK, "hva skjer kl. 13?"))
                    .isEqualTo("Kl. 13.00 i dag: Samspillet med administrasjonen (kl. 13.00–14.00).");
            assertThat(ask(DURING_FIRST_TASK, "hva skjer i morgen?")).startsWith("Program dag 2 – onsdag 6. november 2019 (i morgen)");
            assertThat(ask(DURING_FIRST_TASK, "hva er neste?")).startsWith("Nå: Hvorfor engasjerte");
            assertThat(ask(DURING_FIRST_TASK, "kva skjer etterpå?")).startsWith("Nå: Hvorfor engasjerte");
            assertThat(ask(DURING_FIRST_TASK, "lunsj?")).startsWith("Lunsj i dag: kl. 11.30–12.15");
            assertThat(ask(DURING_FIRST_TASK, "når er det kaffe?")).startsWith("Neste pause i dag: kl. 09.50–10.05");
            assertThat(ask(DURING_FIRST_TASK, "hva skjer etter pausen?"))
                    .isEqualTo("Etter pausen i dag kommer «Hva innebærer det å være folkevalgt?» kl. 10.05.");
            assertThat(ask(DURING_FIRST_TASK, "når snakker vi om sosiale medier?"))
                    .isEqualTo("«Å være folkevalgt i sosiale medier»: i dag kl. 15.00–16.00.");
            assertThat(ask(DURING_FIRST_TASK, "kor tid sluttar dagen?"))
                    .isEqualTo("I dag slutter det faglige programmet kl. 16.00. Middag kl. 16.30.");
            assertThat(ask(EVENING_BEFORE, "når slutter lunsjen på dag 2")).isEqualTo("Lunsj dag 2 (onsdag 6. november): kl. 11.45–12.30.");
        }

        @Test
        void whenIsTheReflectionTask() {
            assertThat(ask(MORNING_BEFORE_START, "Når er neste refleksjonsoppgave?"))
                    .isEqualTo("Neste refleksjonsoppgave: 1 «Hvorfor engasjerte du deg i lokalpolitikken?», i dag kl. 09.25–09.50.");
            assertThat(ask(DURING_FIRST_TASK, "når er refleksjonsoppgaven")).isEqualTo(
                    "Refleksjonsoppgave 1 «Hvorfor engasjerte du deg i lokalpolitikken?» er åpen nå, til kl. 09.50. "
                            + "Svar med /refleksjon <svaret ditt>. Neste refleksjonsoppgave: 2 «Kulturen hos oss», i dag kl. 10.45–11.00.");
            assertThat(ask(DURING_LUNCH, "når er oppgavene i morgen?"))
                    .isEqualTo("Refleksjonsoppgaver i morgen:\n09.20–09.40  4. Hvilke ord sitter vi igjen fra dagen i går?");
            assertThat(ask(AFTER_THE_PROGRAMME, "når er neste oppgave")).startsWith("Det er ingen flere refleksjonsoppgaver");
            assertThat(ask(DURING_LUNCH, "Når er oppgaven til kontrollutvalget?")).isNull();
        }

        @Test
        void whenIsANamedSession() {
            assertThat(ask(DURING_FIRST_TASK, "Når er kommunetorget?")).isEqualTo("«Kommunetorg»: i dag kl. 12.15–13.00.");
            assertThat(ask(DURING_FIRST_TASK, "når starter vi med økonomi?"))
                    .isEqualTo("«Hvordan finne det økonomiske handlingsrommet?»: i morgen kl. 09.45–10.45.");
            assertThat(ask(DURING_FIRST_TASK, "når er Når pressen banker på døren?"))
                    .isEqualTo("«Når pressen banker på døren»: i morgen kl. 12.30–13.15.");
            assertThat(ask(DURING_LUNCH, "når er samspillet?")).isEqualTo("""
                    «Samspillet med administrasjonen»: i dag kl. 13.00–14.00.
                    «Samspillet med administrasjonen: arbeidsgiverrollen»: i dag kl. 14.15–14.45.
                    «Samspillet med innbyggerne»: i morgen kl. 13.30–14.30.""");
            assertThat(ask(DAY_TWO_LUNCH, "når var kommunetorget")).isNull(); /* "var" is not a word we know */
            assertThat(ask(DAY_TWO_LUNCH, "når er kommunetorget")).isEqualTo("«Kommunetorg»: i går kl. 12.15–13.00 (ferdig).");
        }
    }

    /* ---- what must reach the knowledge base ---- */

    @ParameterizedTest
    @ValueSource(strings = {
            "Hva er en lunsjavtale i kommunen?",
            "Hva skjer fremover?",
            "Hva skjer i pausene?",
            "Hva skjer når pressen banker på døren?",
            "Når pressen banker på døren",
            "Hva innebærer det å være folkevalgt?",
            "Hvorfor engasjerte jeg meg i lokalpolitikken?",
            "Vi er snart klare for avgang",
            "Når må årsbudsjettet vedtas?",
            "Når skal delegeringsreglementet behandles?",
            "Når kan ordføreren treffe vedtak i hastesaker?",
            "Når er møtene åpne?",
            "Når ble KS stiftet?",
            "Når er samspillet med administrasjonen godt?",
            "Når er det lurt å bruke sosiale medier?",
            "Hvordan starter man en sak?",
            "Hva er programmet for kommunestyret?",
            "Hva er KS Folkevalgtprogram?",
            "Program for ordførere?",
            "Hva skjer i kommunestyret i morgen?",
            "Hvordan får jeg en sak på saklista?",
            "Hva gjør vi når det er pause?",
            "Når går bussen?",
            "Når snakker vi om delegering?",
            "Når er det frokost?",
            "Hva skjer nå i kommunen?",
            "God lunsj!",
            "neste kommunestyremøte",
            "i morgen",
            "/refleksjon Jeg ville bygge en ny skole",
            "/refleksjon når er lunsj",
            "Hva er deltakelsestrappa?"})
    void materialQuestions_andOtherCommands_areLeftAlone(String text) {
        for (String at : List.of(EVENING_BEFORE, DURING_LUNCH, AFTER_THE_PROGRAMME)) {
            assertThat(commandsAt(at).handle(Incoming.local(text), text)).as("%s at %s", text, at).isEmpty();
        }
    }

    @Test
    void inTheBot_programmeQuestionsAreAnsweredBeforeTheKnowledgeBase_andMaterialQuestionsReachIt() {
        KnowledgeBase kb = mock(KnowledgeBase.class);
        when(kb.ask(anyString(), anyInt())).thenAnswer(inv -> Answer.declined(inv.getArgument(0)));
        when(kb.topics()).thenReturn(List.of());
        Clock clock = clockAt(DURING_LUNCH);
        Bot bot = Bot.builder()
                .knowledgeBase(kb)
                .commands(List.of(new ProgrammeCommands(BUNDLED, clock)))
                .clock(clock)
                .build();

        assertThat(bot.handle(Incoming.local("Når er lunsj?")).plainText()).startsWith("Det er lunsj nå");
        verify(kb, never()).ask(anyString(), anyInt());

        bot.handle(Incoming.local("Hva er en lunsjavtale i kommunen?"));
        verify(kb).ask("Hva er en lunsjavtale i kommunen?", 3);

        assertThat(bot.handle(Incoming.local("hjelp")).plainText()).contains("program – dagens program");
    }

    @Test
    void aProgrammeWithoutSessions_answersNothing() {
        Programme empty = new Programme("T", "P", OSLO, List.of(), List.of(), BUNDLED.channels(), BUNDLED.reminderLead());
        assertThat(new ProgrammeCommands(empty, clockAt(DURING_LUNCH)).handle(Incoming.local("program"), "program")).isEmpty();
    }

    @Test
    void help_listsTheCommandsInNorwegian() {
        assertThat(new ProgrammeCommands(BUNDLED, clockAt(DURING_LUNCH)).help())
                .anySatisfy(line -> assertThat(line).startsWith("program – "))
                .anySatisfy(line -> assertThat(line).startsWith("neste – "))
                .anySatisfy(line -> assertThat(line).contains("«Når er lunsj?»"));
    }

    @Test
    void aReloadedProgramme_isSeenAtOnce() {
        Programme[] current = {BUNDLED};
        ProgrammeCommands commands = new ProgrammeCommands(() -> current[0], clockAt(MORNING_BEFORE_START));
        current[0] = ProgrammeLoader.parse(ProgrammeLoaderTest.VALID, "p.yaml");

        assertThat(commands.handle(Incoming.local("program"), "program").orElseThrow().plainText())
                .startsWith("Program dag 1 – tirsdag 5. november 2019 (i dag)\nTestsamling, Testby kommune");
    }

    @Test
    void demo_twoDaysOnOneDate_todayIsTheDayGoingOn() {
        Instant now = Instant.parse("2026-05-12T08:00:00Z");
        Programme demo = BUNDLED.forDemo(now, 1);
        /* Day 1 starts 08:12Z (10.12 local) and ends 17:12Z; day 2 runs 19.12–01.12 local. */
        Clock duringDayTwo = Clock.fixed(demo.sessions(2).get(1).start().toInstant().plusSeconds(60), OSLO);
        ProgrammeCommands commands = new ProgrammeCommands(demo, duringDayTwo);

        assertThat(commands.handle(Incoming.local("program"), "program").orElseThrow().plainText())
                .startsWith("Program dag 2 – tirsdag 12. mai 2026 (i dag)")
                .contains("Hvordan finne det økonomiske handlingsrommet?  ▶ nå");
        assertThat(commands.handle(Incoming.local("når er lunsj?"), "når er lunsj?").orElseThrow().plainText())
                .startsWith("Lunsj i dag: kl. ");
    }

    /* ---- helpers ---- */

    static String ask(String localDateTime, String text) {
        Optional<Reply> reply = commandsAt(localDateTime).handle(Incoming.local(text), text);
        return reply.map(Reply::plainText).orElse(null);
    }

    static ProgrammeCommands commandsAt(String localDateTime) {
        return new ProgrammeCommands(BUNDLED, clockAt(localDateTime));
    }

    static Clock clockAt(String localDateTime) {
        return Clock.fixed(oslo(localDateTime).toInstant(), OSLO);
    }
}
