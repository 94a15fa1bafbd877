package no.folkevalgt.core.programme;

import static no.folkevalgt.core.programme.ProgrammeCommandsTest.ask;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Programme questions worded as people ask them, in Bokmål and Nynorsk, about the bundled programme's
 * own items: when a day starts and ends, the breaks and coffee, lunch, dinner, what comes after a
 * session named loosely, what is on now and next. Asked during day 1's third session
 * (tirsdag 5. november 2019 kl. 10.30), each with the exact reply.
 */
class ProgrammeQuestionsTest {

    static final String DAY_ONE_MORNING = "2019-11-05T10:30";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Når starter vi i morgen? | I morgen starter vi kl. 09.00 med Refleksjoner fra i går.
            Når byrjar vi i morgon? | I morgen starter vi kl. 09.00 med Refleksjoner fra i går.
            Når begynner vi på dag 2? | I morgen starter vi kl. 09.00 med Refleksjoner fra i går.
            Kva tid startar vi den andre dagen? | I morgen starter vi kl. 09.00 med Refleksjoner fra i går.
            Når er det kaffe? | Neste pause i dag: kl. 14.00–14.15 (om 3 timer og 30 minutter).
            Når får vi kaffi? | Neste pause i dag: kl. 14.00–14.15 (om 3 timer og 30 minutter).
            Når er neste pause? | Neste pause i dag: kl. 14.00–14.15 (om 3 timer og 30 minutter).
            Når blir det pause i morgon? | Pauser i morgen: kl. 10.45–11.00 og kl. 13.15–13.30.
            Når er pausene i dag? | Pauser i dag: kl. 09.50–10.05, kl. 14.00–14.15 og kl. 14.45–15.00.
            Når er lunsj? | Lunsj i dag: kl. 11.30–12.15 (om 1 time).
            Kva tid er lunsjen i morgon? | Lunsj i morgen: kl. 11.45–12.30.
            Hvor er lunsjen? | Lunsj i dag: kl. 11.30–12.15 (om 1 time). Programmet sier ikke hvor lunsjen er; spør fasilitatoren.
            Kor er lunsjen i dag? | Lunsj i dag: kl. 11.30–12.15 (om 1 time). Programmet sier ikke hvor lunsjen er; spør fasilitatoren.
            Når er det middag? | Middag i dag: kl. 16.30–18.00 (om 6 timer).
            Når skal vi ete middag? | Middag i dag: kl. 16.30–18.00 (om 6 timer).
            Når er vi ferdige for dagen? | I dag slutter det faglige programmet kl. 16.00. Middag kl. 16.30.
            Når er vi ferdige i dag? | I dag slutter det faglige programmet kl. 16.00. Middag kl. 16.30.
            Kva tid sluttar vi i morgon? | I morgen slutter det faglige programmet kl. 15.00.
            Når går vi hjem i morgen? | I morgen slutter det faglige programmet kl. 15.00.
            Hva kommer etter Kommunetorget? | Etter «Kommunetorg» i dag kommer «Samspillet med administrasjonen» kl. 13.00.
            Kva kjem etter kommunetorget? | Etter «Kommunetorg» i dag kommer «Samspillet med administrasjonen» kl. 13.00.
            Hva skjer etter lunsj? | Etter lunsjen i dag kommer «Kommunetorg» kl. 12.15.
            Når begynner vi igjen etter lunsjen? | Etter lunsjen i dag kommer «Kommunetorg» kl. 12.15.
            Kva skjer etter pausa? | Etter pausen i dag kommer «Samspillet med administrasjonen: arbeidsgiverrollen» kl. 14.15.
            Hva kommer etter samspillet med administrasjonen? | Etter «Samspillet med administrasjonen» i dag er det pause kl. 14.00.
            Hva skjer etter økta om sosiale medier? | Etter «Å være folkevalgt i sosiale medier» i dag er det middag kl. 16.30.
            Hvilken økt kommer etter pressen? | Etter «Når pressen banker på døren» i morgen er det pause kl. 13.15.
            Kva kjem etter økonomien? | Etter «Hvordan finne det økonomiske handlingsrommet?» i morgen er det pause kl. 10.45.
            Hva skjer nå? | Nå: Hva innebærer det å være folkevalgt? (kl. 10.05–11.00). Neste: Informasjon fra administrasjonen, kl. 11.00 (om 30 minutter).
            Kva skjer no? | Nå: Hva innebærer det å være folkevalgt? (kl. 10.05–11.00). Neste: Informasjon fra administrasjonen, kl. 11.00 (om 30 minutter).
            Hva er neste? | Nå: Hva innebærer det å være folkevalgt? (til kl. 11.00). Neste: Informasjon fra administrasjonen, kl. 11.00 (om 30 minutter).
            Kva kjem etterpå? | Nå: Hva innebærer det å være folkevalgt? (til kl. 11.00). Neste: Informasjon fra administrasjonen, kl. 11.00 (om 30 minutter).
            Hva skjer etter dette? | Nå: Hva innebærer det å være folkevalgt? (til kl. 11.00). Neste: Informasjon fra administrasjonen, kl. 11.00 (om 30 minutter).
            Hva skjer så? | Nå: Hva innebærer det å være folkevalgt? (til kl. 11.00). Neste: Informasjon fra administrasjonen, kl. 11.00 (om 30 minutter).
            Når er det mat? | Lunsj i dag: kl. 11.30–12.15 (om 1 time).
            """)
    void everydayWordings_areAnsweredFromTheProgramme(String question, String reply) {
        assertThat(ask(DAY_ONE_MORNING, question)).isEqualTo(reply);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Hva skjer i pausene?", "Hva er en lunsjavtale?", "Når må årsbudsjettet vedtas?",
            "Hva skjer fremover?", "Hvor mange sitter i kommunestyret?", "Hva er en pause i møtet?",
            "Hvor er rådhuset?", "Hva skjer etter valget?", "Når kan kommunestyret ta en pause?",
            "Kva er eit formannskap?", "Hvilken rolle har ordføreren?"})
    void questionsAboutTheMaterial_areLeftForTheKnowledgeBase(String question) {
        assertThat(ask(DAY_ONE_MORNING, question)).isNull();
    }

    @Test
    void itemKindWords_areKnownInTheirInflectedForms_inBothWrittenStandards() {
        assertThat(ProgrammeQuestions.kindOf("pausen")).isEqualTo(SessionKind.BREAK);
        assertThat(ProgrammeQuestions.kindOf("pausa")).isEqualTo(SessionKind.BREAK);
        assertThat(ProgrammeQuestions.kindOf("pausane")).isEqualTo(SessionKind.BREAK);
        assertThat(ProgrammeQuestions.kindOf("kaffien")).isEqualTo(SessionKind.BREAK);
        assertThat(ProgrammeQuestions.kindOf("kaffepausen")).isEqualTo(SessionKind.BREAK);
        assertThat(ProgrammeQuestions.kindOf("lunsjen")).isEqualTo(SessionKind.LUNCH);
        assertThat(ProgrammeQuestions.kindOf("middagen")).isEqualTo(SessionKind.DINNER);
        assertThat(ProgrammeQuestions.kindOf("lunsjavtale")).isNull();
        assertThat(ProgrammeQuestions.isPlural("pausene")).isTrue();
        assertThat(ProgrammeQuestions.isPlural("pausar")).isTrue();
        assertThat(ProgrammeQuestions.isPlural("pausen")).isFalse();
        assertThat(ProgrammeQuestions.isPlural("lunsj")).isFalse();
    }

    @Test
    void duringLunch_whereAndWhenIsLunch_saysItIsNow() {
        assertThat(ask("2019-11-05T11:40", "Hvor er lunsjen?")).isEqualTo("Det er lunsj nå, til kl. 12.15. "
                + "Neste: Kommunetorg, kl. 12.15 (om 35 minutter). Programmet sier ikke hvor lunsjen er; spør fasilitatoren.");
        assertThat(ask("2019-11-05T11:40", "Kva skjer etter lunsjen?")).isEqualTo("Etter lunsjen i dag kommer «Kommunetorg» kl. 12.15.");
    }

    @Test
    void afterTheProgramme_pastDaysAreTold_inThePastTense() {
        String after = "2019-11-07T10:00";
        assertThat(ask(after, "Når starter vi på dag 2?")).isEqualTo("I går startet vi kl. 09.00 med Refleksjoner fra i går.");
        assertThat(ask(after, "Når er neste kaffepause?")).isEqualTo("Programmet er over. Det er ingen flere pauser i programmet.");
        assertThat(ask(after, "Når byrjar vi i morgon?")).isEqualTo("Programmet er over. KS Folkevalgtprogram i Rakkestad kommune "
                + "gikk dag 1 tirsdag 5. november og dag 2 onsdag 6. november 2019.");
        assertThat(ask(after, "Hva kommer etter Utvalgsjobbing?")).isEqualTo("Etter «Utvalgsjobbing» i går er det lunsj kl. 11.45.");
    }
}
