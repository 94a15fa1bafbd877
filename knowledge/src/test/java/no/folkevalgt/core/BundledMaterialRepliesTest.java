package no.folkevalgt.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import no.folkevalgt.core.port.Incoming;
import no.folkevalgt.core.port.Reply;
import no.folkevalgt.knowledge.LuceneKnowledgeBase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replies as a user sees them, from the bot over the real index of the bundled material: the line that
 * answers, the citation of a slide whose title says little, and a decline that lists only topics the
 * material has content for.
 */
class BundledMaterialRepliesTest {

    static final String DECK = "ks-folkevalgtprogram-rakkestad-2019.txt";

    @TempDir
    static Path indexDir;
    static LuceneKnowledgeBase kb;
    static Bot bot;

    @BeforeAll
    static void open() throws IOException {
        Path content = Path.of("..", "content").toAbsolutePath().normalize();
        assertThat(Files.isRegularFile(content.resolve(DECK))).as(content.toString()).isTrue();
        kb = LuceneKnowledgeBase.open(content, indexDir);
        bot = Bot.builder().knowledgeBase(kb).build();
    }

    @AfterAll
    static void close() {
        kb.close();
    }

    private static Reply ask(String question) {
        return bot.handle(Incoming.local(question));
    }

    @Test
    void answer_isTheLineThatAnswers() {
        Reply reply = ask("hvem har personalansvaret?");
        assertThat(reply.blocks()).containsExactly("Kommunedirektøren har det løpende personalansvaret");
        assertThat(reply.citations().get(0).reference())
                .isEqualTo("«Kommunedirektøren har det løpende personalansvaret», lysbilde 47 (KS Folkevalgtprogram, Rakkestad 2019)");
        assertThat(reply.citations().get(0).source()).as("the file, for feedback and the gap list").isEqualTo(DECK);
    }

    @Test
    void diagramSlide_isAList_citedWithItsSection() {
        Reply reply = ask("hva er deltakelsestrappa");
        assertThat(reply.blocks()).containsExactly("Deltakelsestrappa\n• Informere\n• Spørre\n• Snakke med\n"
                + "• Innbyggerne er med å sette dagsorden\n• Innbyggerne får ei hånd på rattet");
        assertThat(reply.citations().get(0).reference())
                .isEqualTo("«Samspillet med innbyggerne» › «INFORMERE», lysbilde 90 (KS Folkevalgtprogram, Rakkestad 2019)");
        assertThat(reply.plainText()).doesNotContain("INNBYGGERNE ER");
    }

    @Test
    void declined_listsOnlyTopicsWithContent() {
        Reply reply = ask("Hva koster en pizza?");
        assertThat(reply.blocks().get(0)).isEqualTo("Det finner jeg ikke i programmaterialet.");
        assertThat(reply.blocks().get(1)).isEqualTo("""
                Jeg kan svare på spørsmål om:
                • KS – Kommunesektorens organisasjon
                • Hva innebærer det å være folkevalgt?
                • Samspillet med administrasjonen
                • Å være folkevalgt i sosiale medier
                • Hvordan finne det økonomiske handlingsrommet?
                • Samspillet med innbyggerne""");
        assertThat(reply.plainText()).doesNotContain("Utvalgsjobbing", "Når pressen banker på døren",
                "Informasjon fra administrasjonen");
        assertThat(ask("hjelp").plainText()).contains("Materialet handler om:\n• KS – Kommunesektorens organisasjon")
                .doesNotContain("Utvalgsjobbing");
    }

    @Test
    void topicWithOnlyATitleSlide_isNotAnsweredByRepeatingTheTitle() {
        Reply reply = ask("Utvalgsjobbing");
        assertThat(reply.blocks().get(0)).isIn(Bot.UNSURE, Bot.NOT_FOUND);
        assertThat(reply.citations()).isEmpty();
        /* The divider itself is never offered; a slide whose title states something (slide 82, lunch) may be. */
        assertThat(reply.suggestions()).noneSatisfy(s -> assertThat(s.citation().slide()).isEqualTo(81));
    }
}
