package no.folkevalgt.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import no.folkevalgt.core.StoreUnavailable;
import no.folkevalgt.core.UnansweredStore;
import no.folkevalgt.core.UnansweredStore.Unanswered;

/** What every UnansweredStore does, run against H2 and PostgreSQL. */
abstract class UnansweredStoreContract extends DatabaseTestBase {

    static final Instant T0 = Instant.parse("2019-11-05T12:00:00Z");

    UnansweredStore store;

    @BeforeEach
    void createStore() {
        store = new JdbcUnansweredStore(db);
    }

    @Test
    void recent_givesTheNewestFirst_uptoTheLimit() {
        for (int i = 0; i < 5; i++) {
            store.record("slack", "spørsmål " + i, T0.plusSeconds(i));
        }

        assertThat(store.recent(3)).containsExactly(new Unanswered("spørsmål 4", "slack", T0.plusSeconds(4)),
                new Unanswered("spørsmål 3", "slack", T0.plusSeconds(3)), new Unanswered("spørsmål 2", "slack", T0.plusSeconds(2)));
        assertThat(store.recent(100)).hasSize(5);
        assertThat(store.recent(0)).isEmpty();
    }

    @Test
    void aNegativeLimit_isRefused() {
        assertThatThrownBy(() -> store.recent(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSameQuestionTwice_isTwoRows() {
        store.record("slack", "Hva koster en ny skole?", T0);
        store.record("teams", "Hva koster en ny skole?", T0);

        assertThat(store.recent(10)).hasSize(2);
    }

    @Test
    void veryLongQuestions_areCut() {
        store.record("web", "Å".repeat(20_000), T0);

        assertThat(store.recent(1).get(0).question()).hasSize(10_000);
    }

    @Test
    void databaseGone_isStoreUnavailable_andNothingIsStored() {
        store.record("slack", "før", T0);
        takeDatabaseAway();

        assertThatThrownBy(() -> store.record("slack", "under", T0)).isInstanceOf(StoreUnavailable.class);
        assertThatThrownBy(() -> store.recent(5)).isInstanceOf(StoreUnavailable.class);
        try (Database back = reopen()) {
            assertThat(new JdbcUnansweredStore(back).recent(5)).extracting(Unanswered::question).containsExactly("før");
        }
    }
}
