package no.folkevalgt.core.reflection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDateTime;
import no.folkevalgt.core.port.Facilitators;
import no.folkevalgt.core.port.Reply;
import no.folkevalgt.core.programme.Programme;
import no.folkevalgt.core.programme.ProgrammeLoader;
import no.folkevalgt.knowledge.WordCounter;
import no.folkevalgt.wordcloud.WordCloud;
import org.junit.jupiter.api.Test;

/** A bare "/refleksjon <svar>" on the bundled programme, after the last prompt and after the programme. */
class ReflectionAfterProgrammeTest {

    private static final Programme BUNDLED = ProgrammeLoader.loadBundled();
    private static final String LAST = "Hvilke ord sitter vi igjen fra dagen i går?";

    private final InMemoryReflectionStore store = new InMemoryReflectionStore();

    @Test
    void afterTheProgramme_aBareAnswer_isFiledUnderTheLastPrompt_andTheReplySaysWhichAndThatItIsOver() {
        Reply reply = say("2019-11-07T10:00", "/refleksjon mer åpenhet og dialog");

        assertThat(store.all()).singleElement().satisfies(a -> assertThat(a.prompt()).isEqualTo(4));
        assertThat(reply.blocks()).containsExactly(
                "Takk! Svaret ditt på «" + LAST + "» er lagret.",
                "Programmet er over, men svaret ditt er lagret under den siste refleksjonsoppgaven, «" + LAST
                        + "» (oppgave 4). Svar på en annen oppgave med /refleksjon <nummer> <svaret ditt>.",
                "Svaret er anonymt: ingen ser hvem som skrev det. Se svarene dine med /refleksjon mine.");
    }

    @Test
    void afterThePromptClosed_butDuringTheProgramme_itIsALateAnswer_notAnOverOne() {
        Reply reply = say("2019-11-06T11:00", "/refleksjon tillit");

        assertThat(reply.blocks()).containsExactly(
                "Takk! Svaret ditt på «" + LAST + "» er lagret.",
                "Oppgaven er lukket, men svaret ditt teller med.",
                "Svaret er anonymt: ingen ser hvem som skrev det. Se svarene dine med /refleksjon mine.");
    }

    @Test
    void afterTheProgramme_aNumberedAnswer_goesToThatPrompt_asAsked() {
        Reply reply = say("2019-11-07T10:00", "/refleksjon 2 åpenhet");

        assertThat(store.all()).singleElement().satisfies(a -> assertThat(a.prompt()).isEqualTo(2));
        assertThat(reply.blocks().get(0)).isEqualTo("Takk! Svaret ditt på «Kulturen hos oss» er lagret.");
        assertThat(reply.plainText()).doesNotContain("Programmet er over");
    }

    private Reply say(String local, String text) {
        Clock clock = Clock.fixed(LocalDateTime.parse(local).atZone(BUNDLED.zone()).toInstant(), BUNDLED.zone());
        ReflectionCommands commands = new ReflectionCommands(store, BUNDLED, Facilitators.none(), clock,
                new WordCounter()::top, new WordCloud());
        return commands.handle(Fixtures.slack("U1", text), text).orElseThrow();
    }
}
