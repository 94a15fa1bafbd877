package no.folkevalgt.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;

import org.flywaydb.core.Flyway;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import no.folkevalgt.core.port.Citation;
import no.folkevalgt.core.port.StoreUnavailable;
import no.folkevalgt.core.port.UnansweredStore.Reason;
import no.folkevalgt.core.port.UnansweredStore.Unanswered;
import no.folkevalgt.core.port.UnansweredStore;

/** What every UnansweredStore does, run against H2 and PostgreSQL. */
abstract class UnansweredStoreContract extends DatabaseTestBase {

    static final Instant T0 = Instant.parse("2019-11-05T12:00:00Z");
    static final Citation ARBEIDSGIVER = new Citation("Arbeidsgiveransvaret", 40, "ks-folkevalgtprogram.txt");
    static final Citation LONN = new Citation("Lønn til ordføreren", 41, "ks-folkevalgtprogram.txt");
    static final Citation ROLLER = new Citation("Roller og ansvar", 12, "ks-folkevalgtprogram.txt");

    UnansweredStore store;

    @BeforeEach
    void createStore() {
        store = new JdbcUnansweredStore(db);
    }

    @Test
    void recent_givesTheNewestFirst_uptoTheLimit() {
        for (int i = 0; i < 5; i++) {
            store.record(new Unanswered("spørsmål " + i, "slack", T0.plusSeconds(i)));
        }

        assertThat(store.recent(3)).containsExactly(new Unanswered("spørsmål 4", "slack", T0.plusSeconds(4)),
                new Unanswered("spørsmål 3", "slack", T0.plusSeconds(3)), new Unanswered("spørsmål 2", "slack", T0.plusSeconds(2)));
        assertThat(store.recent(100)).hasSize(5);
        assertThat(store.recent(0)).isEmpty();
    }

    @Test
    void unsureQuestions_keepTheirSuggestedSlidesInOrder_andAreToldApartFromDeclinedOnes() {
        store.record(new Unanswered("Hvordan lager man sushi?", "web", T0));
        store.record(Unanswered.unsure("Hvem bestemmer lønna?", "slack", T0.plusSeconds(1), List.of(LONN, ARBEIDSGIVER, ROLLER)));
        store.record(Unanswered.unsure("Hvem er sjefen?", "teams", T0.plusSeconds(2), List.of(ROLLER)));

        assertThat(store.recent(10)).containsExactly(
                Unanswered.unsure("Hvem er sjefen?", "teams", T0.plusSeconds(2), List.of(ROLLER)),
                Unanswered.unsure("Hvem bestemmer lønna?", "slack", T0.plusSeconds(1), List.of(LONN, ARBEIDSGIVER, ROLLER)),
                new Unanswered("Hvordan lager man sushi?", "web", T0));
        assertThat(store.recent(10)).extracting(Unanswered::reason)
                .containsExactly(Reason.UNSURE, Reason.UNSURE, Reason.NOT_FOUND);
    }

    @Test
    void recent_withALimit_readsTheSuggestionsOfTheQuestionsItGives() {
        for (int i = 0; i < 6; i++) {
            store.record(Unanswered.unsure("usikker " + i, "web", T0.plusSeconds(i),
                    List.of(new Citation("Lysbilde " + i, i + 1, "deck.txt"))));
        }

        List<Unanswered> recent = store.recent(2);

        assertThat(recent).extracting(Unanswered::question).containsExactly("usikker 5", "usikker 4");
        assertThat(recent).extracting(u -> u.suggested().get(0).title()).containsExactly("Lysbilde 5", "Lysbilde 4");
    }

    @Test
    void suggestedSlidesWithVeryLongTitlesOrNul_areCutAndCleaned() {
        Citation odd = new Citation("T\0" + "i".repeat(5000), 3, "mappe/" + "d".repeat(3000) + ".txt");

        store.record(Unanswered.unsure("Hva nå?", "web", T0, List.of(odd)));

        Citation read = store.recent(1).get(0).suggested().get(0);
        assertThat(read.title()).hasSize(JdbcUnansweredStore.MAX_TITLE).startsWith("Tiii").doesNotContain("\0");
        assertThat(read.source()).hasSize(JdbcUnansweredStore.MAX_SOURCE).startsWith("mappe/ddd");
        assertThat(read.slide()).isEqualTo(3);
    }

    @Test
    void questionsRecordedBeforeTheUpgrade_readAsDeclined() throws Exception {
        TestDatabases.Connect fresh = TestDatabases.of(dialect(), tempDir);
        try (Database old = Database.builder(fresh.url()).user(fresh.user()).password(fresh.password()).migrate(false).open()) {
            Flyway.configure().dataSource(old.dataSource()).locations("classpath:db/migration").target("3").load().migrate();
            try (Connection c = old.dataSource().getConnection(); PreparedStatement insert = c.prepareStatement(
                    "insert into unanswered_questions (platform, question, asked_at) values ('slack', 'Fra før', ?)")) {
                insert.setObject(1, java.time.OffsetDateTime.parse("2019-11-05T12:00:00Z"));
                insert.executeUpdate();
            }
        }
        try (Database upgraded = fresh.open()) {
            assertThat(new JdbcUnansweredStore(upgraded).recent(5))
                    .containsExactly(new Unanswered("Fra før", "slack", T0));
        }
    }

    @Test
    void aNegativeLimit_isRefused() {
        assertThatThrownBy(() -> store.recent(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSameQuestionTwice_isTwoRows() {
        store.record(new Unanswered("Hva koster en ny skole?", "slack", T0));
        store.record(new Unanswered("Hva koster en ny skole?", "teams", T0));

        assertThat(store.recent(10)).hasSize(2);
    }

    @Test
    void veryLongQuestions_areCut() {
        store.record(new Unanswered("Å".repeat(20_000), "web", T0));

        assertThat(store.recent(1).get(0).question()).hasSize(10_000);
    }

    @Test
    void databaseGone_isStoreUnavailable_andNothingIsStored() {
        store.record(new Unanswered("før", "slack", T0));
        takeDatabaseAway();

        assertThatThrownBy(() -> store.record(new Unanswered("under", "slack", T0))).isInstanceOf(StoreUnavailable.class);
        assertThatThrownBy(() -> store.recent(5)).isInstanceOf(StoreUnavailable.class);
        try (Database back = reopen()) {
            assertThat(new JdbcUnansweredStore(back).recent(5)).extracting(Unanswered::question).containsExactly("før");
        }
    }
}
