package no.folkevalgt.core.reflection;

import static no.folkevalgt.core.reflection.Fixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;

import no.folkevalgt.core.Bot;
import no.folkevalgt.core.port.Facilitators;
import no.folkevalgt.core.port.Incoming;
import no.folkevalgt.core.port.KnowledgeBase;
import no.folkevalgt.core.port.Reply;
import no.folkevalgt.core.programme.ProgrammeCommands;
import no.folkevalgt.knowledge.WordCounter;
import no.folkevalgt.testsupport.MovableClock;
import no.folkevalgt.wordcloud.WordCloud;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

/**
 * Command parsing through {@link Bot#respond}: any string gets a non-empty reply and no exception, and
 * an answer is stored only when the reply says so, once.
 */
class FuzzCommandsTest {

    private static final long SEED = 7_2019_11_05L;
    private static final int RUNS = 5000;
    private static final String[] PIECES = {"/refleksjon", "refleksjon", "/REFLEKSJON", "/refleksjon ", " ", "  ", "\n",
            "\t", "mine", "mine svar", "slett", "slett 1", "slett oppgave 2", "oppsummering", "oppsummer 3", "sammendrag",
            "hjelp", "help", "?", "??", "#", "1", "2", "3", "0", "-1", "99999999999", "2:", "2.", "2)", "#2",
            "program", "program i morgen", "program dag 2", "neste", "når er lunsj?", "hva skjer nå", "svar",
            "Mer åpenhet", "æøå", "ÆØÅ", "\u200B", "\u202E", "\u0000", "\u0007", "\uFEFF", "\uD800", "\uDC00", "😀",
            "<!channel>", "<script>", "'; DROP TABLE reflection_answer; --", "=1+1", "*", "_", "`", "~", "\\", "%",
            "$", "{}", "[]", "\"", "'"};

    private final InMemoryReflectionStore store = new InMemoryReflectionStore();
    private final MovableClock clock = new MovableClock(at(5, 10, 20));
    private final KnowledgeBase kb = Mockito.mock(KnowledgeBase.class);
    private final Bot bot = Bot.builder()
            .knowledgeBase(kb)
            .commands(List.of(new ProgrammeCommands(Fixtures.programme(), clock),
                    new ReflectionCommands(store, Fixtures.programme(), Facilitators.parse("slack:U0"), clock,
                            new WordCounter()::top, new WordCloud())))
            .clock(clock)
            .build();

    @Test
    void anyString_getsANonEmptyReply_andAnAnswerIsStoredOnlyWhenConfirmed() {
        Random random = new Random(SEED);
        int stored = 0;
        for (int run = 0; run < RUNS; run++) {
            String text = random.nextInt(4) == 0 ? randomChars(random) : pieces(random);
            clock.set(at(5 + random.nextInt(2), 8 + random.nextInt(10), random.nextInt(60)));
            String user = "U" + random.nextInt(3);
            int before = store.total();
            Reply reply;
            try {
                reply = bot.respond(new Incoming("slack", "T1", user, "C1", null, text),
                        random.nextBoolean() ? null : "req-" + run).reply();
            } catch (RuntimeException | StackOverflowError e) {
                throw new AssertionError("run " + run + " (seed " + SEED + ") threw " + e + " on " + escape(text), e);
            }
            assertThat(reply.plainText()).as("reply to %s", escape(text)).isNotBlank();
            int after = store.total();
            if (reply.plainText().startsWith("Takk!")) {
                assertThat(after).as("stored once for %s", escape(text)).isEqualTo(before + 1);
                stored++;
            } else if (!reply.plainText().toLowerCase(java.util.Locale.ROOT).contains("slettet")) {
                assertThat(after).as("nothing stored for %s: %s", escape(text), reply.plainText()).isEqualTo(before);
            }
        }
        assertThat(stored).as("some random answers are valid and stored").isPositive();
    }

    @Test
    void longMessages_areRefusedWithoutSearchingOrStoring() {
        for (String text : List.of("a".repeat(100_000), "/refleksjon " + "ord ".repeat(25_000),
                "\u200B".repeat(100_000), "/refleksjon 1 " + "x".repeat(100_000))) {
            Reply reply = bot.handle(new Incoming("slack", "T1", "U1", "C1", null, text));
            assertThat(reply.plainText()).isNotBlank().hasSizeLessThan(2000);
        }
        assertThat(store.total()).isZero();
        Mockito.verify(kb, Mockito.never()).ask(Mockito.anyString(), Mockito.anyInt());
    }

    private static String pieces(Random random) {
        StringBuilder out = new StringBuilder();
        int n = 1 + random.nextInt(6);
        for (int i = 0; i < n; i++) {
            out.append(PIECES[random.nextInt(PIECES.length)]);
            if (random.nextInt(3) > 0) {
                out.append(' ');
            }
        }
        return out.toString();
    }

    private static String randomChars(Random random) {
        StringBuilder out = new StringBuilder();
        int n = random.nextInt(60);
        for (int i = 0; i < n; i++) {
            out.append((char) (random.nextBoolean() ? random.nextInt(0x80) : random.nextInt(0x10000)));
        }
        return out.toString();
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder("\"");
        text.codePoints().limit(200).forEach(cp -> {
            if (cp < 0x20 || cp > 0x7E) {
                out.append(String.format("\\u%04X", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.append('"').toString();
    }
}
