package no.folkevalgt.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import no.folkevalgt.core.Bot;
import no.folkevalgt.core.dialogue.CachedDialogueMemory;
import no.folkevalgt.core.port.Answer;
import no.folkevalgt.core.port.DialogueMemory.Turn;
import no.folkevalgt.core.port.DialogueMemory;
import no.folkevalgt.core.port.Hit;
import no.folkevalgt.core.port.Incoming;
import no.folkevalgt.core.port.KnowledgeBase;
import no.folkevalgt.core.port.Passage;
import no.folkevalgt.core.port.Reply;

/** What every shared DialogueMemory does, run against H2 and PostgreSQL. */
abstract class DialogueMemoryContract extends DatabaseTestBase {

    static final Instant T0 = Instant.parse("2019-11-05T12:00:00Z");
    static final Turn TURN = new Turn("Hva er en hastesak?", "Hva er en hastesak?",
            List.of("deck.txt#24", "deck.txt#25"), "SURE", T0.plusSeconds(300));

    JdbcDialogueMemory memory;

    @BeforeEach
    void createMemory() {
        memory = new JdbcDialogueMemory(db, Clock.fixed(T0, ZoneOffset.UTC));
    }

    @Test
    void aRememberedTurn_isRecalledUntilItExpires() {
        memory.remember("k1", TURN);

        assertThat(memory.recall("k1", T0)).contains(TURN);
        assertThat(memory.recall("k1", T0.plusSeconds(299))).contains(TURN);
        assertThat(memory.recall("k1", T0.plusSeconds(300))).isEmpty();
        assertThat(memory.recall("k2", T0)).isEmpty();
    }

    @Test
    void rememberingAgain_replacesTheTurn_andForgetRemovesIt() {
        memory.remember("k1", TURN);
        Turn next = new Turn("Hva er en hastesak?", "hvem avgjør det? Hva er en hastesak?", List.of(), "NONE",
                T0.plusSeconds(400));
        memory.remember("k1", next);

        assertThat(memory.recall("k1", T0)).contains(next);
        memory.forget("k1");
        assertThat(memory.recall("k1", T0)).isEmpty();
    }

    @Test
    void longText_andNul_areKeptWithinTheColumns() {
        String longTopic = "spørsmål ".repeat(200) + "\0slutt";
        Turn turn = new Turn(longTopic, "q".repeat(3000), List.of(), "UNSURE", T0.plusSeconds(60));
        memory.remember("k1", turn);

        Turn read = memory.recall("k1", T0).orElseThrow();
        assertThat(read.topic()).hasSize(Turn.MAX_TOPIC).doesNotContain("\0");
        assertThat(read.query()).hasSize(Turn.MAX_QUERY);
    }

    @Test
    void expiredTurns_arePurged_whenNewOnesAreWritten() throws Exception {
        memory.remember("old", new Turn("a", "a", List.of(), "NONE", T0.minusSeconds(1)));
        memory.remember("new", TURN);
        assertThat(countRows()).isEqualTo(1);
    }

    @Test
    void concurrentFirstWrites_forOneConversation_leaveOneRow() throws Exception {
        Set<String> topics = ConcurrentHashMap.newKeySet();
        Concurrently.run(8, 32, i -> {
            String topic = "spørsmål " + i;
            topics.add(topic);
            memory.remember("same", new Turn(topic, topic, List.of(), "SURE", T0.plusSeconds(60)));
            return null;
        });
        assertThat(countRows()).isEqualTo(1);
        assertThat(topics).contains(memory.recall("same", T0).orElseThrow().topic());
    }

    /*
     * Two instances on one database, as behind a load balancer: the question reaches one, its
     * follow-up the other, which reads it together with the question (the cached memory's short
     * freshness means a turn written elsewhere is read from the database).
     */
    @Test
    void aFollowUp_reachingAnotherInstance_isReadWithTheQuestionAskedOnTheFirst() {
        KnowledgeBase kb = mock(KnowledgeBase.class);
        Passage hastesak = new Passage("deck.txt", 24, "Hastesaker", "• Ordføreren kan avgjøre hastesaker", "", 1);
        when(kb.ask(anyString(), anyInt())).thenReturn(new Answer("q", true,
                List.of(new Hit(hastesak, List.of("• Ordføreren kan avgjøre hastesaker"), 2.0)), null));
        when(kb.ask(anyString(), anyString(), anyInt())).thenCallRealMethod();
        Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
        try (Database other = reopen()) {
            Bot first = Bot.builder()
                    .knowledgeBase(kb)
                    .clock(clock)
                    .memory(new CachedDialogueMemory(new JdbcDialogueMemory(db, clock)))
                    .build();
            Bot second = Bot.builder()
                    .knowledgeBase(kb)
                    .clock(clock)
                    .memory(new CachedDialogueMemory(new JdbcDialogueMemory(other, clock)))
                    .build();
            Incoming question = new Incoming("slack", "T1", "U1", "C1", "1.0", "Hva er en hastesak?");
            first.handle(question);

            Reply followUp = second.handle(new Incoming("slack", "T1", "U1", "C1", "1.0", "hvem avgjør det?"));

            verify(kb).ask("hvem avgjør det? Hva er en hastesak?", 3);
            assertThat(followUp.blocks()).startsWith("(om: «Hva er en hastesak?»)");
            /* Another member in the same thread has no context. */
            second.handle(new Incoming("slack", "T1", "U2", "C1", "1.0", "hvem avgjør det?"));
            verify(kb).ask("hvem avgjør det?", 3);
        }
    }

    private int countRows() throws Exception {
        try (var connection = db.dataSource().getConnection();
             var rs = connection.createStatement().executeQuery("select count(*) from dialogue_turns")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
