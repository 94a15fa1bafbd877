package no.folkevalgt.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import no.folkevalgt.core.port.Feedback;
import no.folkevalgt.core.port.FeedbackStore;
import no.folkevalgt.core.port.StoreUnavailable;

/** What every FeedbackStore does, run against H2 and PostgreSQL. */
abstract class FeedbackStoreContract extends DatabaseTestBase {

    static final Instant T0 = Instant.parse("2019-11-05T12:00:00Z");
    static final String QUESTION = "Hva er en interpellasjon?";

    FeedbackStore store;

    @BeforeEach
    void createStore() {
        store = new JdbcFeedbackStore(db);
    }

    @Test
    void feedback_isListedNewestFirst() {
        Feedback first = new Feedback("slack", "U1", QUESTION, "deck.txt#31", true, T0);
        Feedback second = new Feedback("slack", "U2", QUESTION, "deck.txt#31", false, T0.plusSeconds(10));
        store.record(first);
        store.record(second);

        assertThat(store.all()).containsExactly(second, first);
    }

    @Test
    void aSecondClick_replacesTheFirst() {
        store.record(new Feedback("slack", "U1", QUESTION, "deck.txt#31", true, T0));
        Feedback changed = new Feedback("slack", "U1", QUESTION, "deck.txt#31", false, T0.plusSeconds(20));
        store.record(changed);

        assertThat(store.all()).containsExactly(changed);
    }

    @Test
    void anotherPassage_question_user_orPlatform_isAnotherRow() {
        store.record(new Feedback("slack", "U1", QUESTION, "deck.txt#31", true, T0));
        store.record(new Feedback("slack", "U1", QUESTION, "deck.txt#32", true, T0));
        store.record(new Feedback("slack", "U1", "Hva er et interpellasjon?", "deck.txt#31", true, T0));
        store.record(new Feedback("slack", "U2", QUESTION, "deck.txt#31", true, T0));
        store.record(new Feedback("teams", "U1", QUESTION, "deck.txt#31", true, T0));

        assertThat(store.all()).hasSize(5);
    }

    @Test
    void longQuestions_areKeyedByTheirWholeText() {
        String longA = "Kven ".repeat(3000) + "A";
        String longB = "Kven ".repeat(3000) + "B";
        store.record(new Feedback("slack", "U1", longA, "p", true, T0));
        store.record(new Feedback("slack", "U1", longB, "p", true, T0));
        store.record(new Feedback("slack", "U1", longA, "p", false, T0.plusSeconds(1)));

        assertThat(store.all()).hasSize(2);
        assertThat(store.all().get(0).helpful()).isFalse();
        assertThat(store.all().get(0).question()).hasSize(JdbcFeedbackStore.MAX_QUESTION);
    }

    @Test
    void clicksRacingOnSixteenThreads_leaveOneRow() throws Exception {
        Concurrently.run(16, 64, i -> {
            store.record(new Feedback("slack", "U1", QUESTION, "deck.txt#31", i % 2 == 0, T0.plusMillis(i)));
            return null;
        });

        assertThat(store.all()).hasSize(1);
    }

    @Test
    void databaseGone_isStoreUnavailable_andNothingIsStored() {
        store.record(new Feedback("slack", "U1", QUESTION, "p", true, T0));
        takeDatabaseAway();

        assertThatThrownBy(() -> store.record(new Feedback("slack", "U1", QUESTION, "p", false, T0))).isInstanceOf(StoreUnavailable.class);
        assertThatThrownBy(() -> store.all()).isInstanceOf(StoreUnavailable.class);
        try (Database back = reopen()) {
            assertThat(new JdbcFeedbackStore(back).all()).extracting(Feedback::helpful).containsExactly(true);
        }
    }
}
