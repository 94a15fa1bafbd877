package no.folkevalgt.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import no.folkevalgt.core.port.ReflectionAnswer;
import no.folkevalgt.core.port.ReflectionStore;
import no.folkevalgt.core.port.StoreUnavailable;

/** What every ReflectionStore does, run against H2 and PostgreSQL. */
abstract class ReflectionStoreContract extends DatabaseTestBase {

    static final Instant T0 = Instant.parse("2019-11-05T09:30:00.123456Z");

    ReflectionStore store;

    @BeforeEach
    void createStore() {
        store = new JdbcReflectionStore(db);
    }

    @Test
    void add_returnsTheStoredAnswer_withAnId() {
        ReflectionAnswer answer = store.add(1, "slack", "U1", "Jeg ville bygge en ny skole", T0, "req-1");

        assertThat(answer.id()).isPositive();
        assertThat(answer).isEqualTo(new ReflectionAnswer(answer.id(), 1, "slack", "U1", "Jeg ville bygge en ny skole", T0));
        assertThat(store.forPrompt(1)).containsExactly(answer);
        assertThat(store.count(1)).isEqualTo(1);
        assertThat(store.count(2)).isZero();
    }

    @Test
    void answers_areListedOldestFirst_perPromptAndPerUser() {
        ReflectionAnswer later = store.add(1, "slack", "U1", "andre", T0.plusSeconds(60), null);
        ReflectionAnswer earlier = store.add(1, "slack", "U2", "første", T0, null);
        ReflectionAnswer otherPrompt = store.add(2, "slack", "U1", "tredje", T0.plusSeconds(30), null);
        ReflectionAnswer sameTime = store.add(1, "teams", "U1", "same user id, other platform", T0, null);

        assertThat(store.forPrompt(1)).containsExactly(earlier, sameTime, later);
        assertThat(store.byUser("slack", "U1")).containsExactly(otherPrompt, later);
        assertThat(store.byUser("slack", "nobody")).isEmpty();
    }

    @Test
    void twoHundredAnswers_fromSixteenThreads_areAllStored() throws Exception {
        List<ReflectionAnswer> returned = Concurrently.run(16, 200,
                i -> store.add(1 + i % 3, "slack", "U" + i, "svar nummer " + i + " æøå", T0.plusMillis(i), null));

        assertThat(returned.stream().map(ReflectionAnswer::id).distinct()).hasSize(200);
        List<ReflectionAnswer> stored = IntStream.rangeClosed(1, 3).boxed()
                .flatMap(p -> store.forPrompt(p).stream()).toList();
        assertThat(stored).containsExactlyInAnyOrderElementsOf(returned);
        assertThat(stored.stream().map(ReflectionAnswer::text).collect(Collectors.toSet()))
                .isEqualTo(IntStream.range(0, 200).mapToObj(i -> "svar nummer " + i + " æøå").collect(Collectors.toSet()));
        assertThat(store.count(1) + store.count(2) + store.count(3)).isEqualTo(200);
    }

    @Test
    void retriedRequestId_storesOnce_andReturnsTheFirstAnswer() {
        ReflectionAnswer first = store.add(1, "slack", "U1", "første forsøk", T0, "trigger-42");
        ReflectionAnswer retry = store.add(1, "slack", "U1", "andre forsøk", T0.plusSeconds(3), "trigger-42");

        assertThat(retry).isEqualTo(first);
        assertThat(store.forPrompt(1)).containsExactly(first);
    }

    @Test
    void retriedRequestId_arrivingConcurrently_storesOnce() throws Exception {
        List<ReflectionAnswer> returned = Concurrently.run(16, 16,
                i -> store.add(1, "slack", "U1", "svar", T0, "same-request"));

        assertThat(Set.copyOf(returned)).hasSize(1);
        assertThat(store.count(1)).isEqualTo(1);
    }

    @Test
    void manyRequests_eachRetriedConcurrently_storeOnceEach() throws Exception {
        List<ReflectionAnswer> returned = Concurrently.run(16, 200,
                i -> store.add(1, "teams", "U" + (i % 50), "svar " + (i % 50), T0, "activity-" + (i % 50)));

        assertThat(returned.stream().map(ReflectionAnswer::id).distinct()).hasSize(50);
        assertThat(store.count(1)).isEqualTo(50);
    }

    @Test
    void sameRequestId_fromTwoUsers_storesBothAnswers_andEachRetryStillOnce() {
        ReflectionAnswer kari = store.add(1, "web", "web-00000000000000aa", "Kari sitt svar", T0, "web-1700000000000-1");
        ReflectionAnswer ola = store.add(1, "web", "web-00000000000000bb", "Ola sitt svar", T0, "web-1700000000000-1");
        ReflectionAnswer olaAgain = store.add(1, "web", "web-00000000000000bb", "Ola sitt svar", T0.plusSeconds(2),
                "web-1700000000000-1");

        assertThat(ola).isNotEqualTo(kari);
        assertThat(olaAgain).isEqualTo(ola);
        assertThat(store.byUser("web", "web-00000000000000aa")).containsExactly(kari);
        assertThat(store.byUser("web", "web-00000000000000bb")).containsExactly(ola);
        assertThat(store.count(1)).isEqualTo(2);
    }

    @Test
    void sameRequestId_onAnotherPlatform_isAnotherAnswer() {
        store.add(1, "slack", "U1", "a", T0, "r1");
        store.add(1, "teams", "U1", "b", T0, "r1");

        assertThat(store.count(1)).isEqualTo(2);
    }

    @Test
    void answersWithoutRequestId_neverCollide() {
        store.add(1, "local", "u1", "samme", T0, null);
        store.add(1, "local", "u1", "samme", T0, null);
        store.add(1, "local", "u1", "samme", T0, " ");

        assertThat(store.count(1)).isEqualTo(3);
    }

    @Test
    void veryLongRequestIds_stillDeduplicate() {
        String longId = "x".repeat(400);
        ReflectionAnswer first = store.add(1, "slack", "U1", "a", T0, longId);

        assertThat(store.add(1, "slack", "U1", "b", T0, longId)).isEqualTo(first);
        assertThat(store.add(1, "slack", "U1", "c", T0, longId + "y")).isNotEqualTo(first);
    }

    @Test
    void delete_removesOneUsersAnswers_toOnePrompt_orToAll() {
        store.add(1, "slack", "U1", "a", T0, null);
        store.add(2, "slack", "U1", "b", T0, null);
        store.add(3, "slack", "U1", "c", T0, null);
        ReflectionAnswer other = store.add(1, "slack", "U2", "d", T0, null);
        ReflectionAnswer otherPlatform = store.add(1, "teams", "U1", "e", T0, null);

        assertThat(store.delete("slack", "U1", 2)).isEqualTo(1);
        assertThat(store.byUser("slack", "U1")).extracting(ReflectionAnswer::prompt).containsExactly(1, 3);
        assertThat(store.delete("slack", "U1", 0)).isEqualTo(2);
        assertThat(store.byUser("slack", "U1")).isEmpty();
        assertThat(store.delete("slack", "U1", 0)).isZero();
        assertThat(store.forPrompt(1)).containsExactly(other, otherPlatform);
    }

    @Test
    void delete_refusesANegativePrompt() {
        assertThatThrownBy(() -> store.delete("slack", "U1", -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void invalidAnswers_areRefused_andNothingIsStored() {
        assertThatThrownBy(() -> store.add(0, "slack", "U1", "a", T0, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.add(1, "slack", "U1", "  ", T0, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.add(1, "slack", "U1", "x".repeat(1001), T0, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.add(1, "slack", "U1", "\0", T0, null)).isInstanceOf(IllegalArgumentException.class);

        assertThat(store.count(1)).isZero();
    }

    @Test
    void textOfFullLength_withNorwegianLettersAndEmoji_roundTrips() {
        String text = ("Kven er arbeidsgjevar? Æ Ø Å 😀 ").repeat(40).substring(0, 1000);
        ReflectionAnswer answer = store.add(1, "teams", "29:1abc-very-long-teams-user-id".repeat(10), text, T0, null);

        assertThat(store.forPrompt(1)).containsExactly(answer);
        assertThat(store.forPrompt(1).get(0).text()).isEqualTo(text);
    }

    @Test
    void nulCharacters_areDropped_likeOnEveryDatabase() {
        ReflectionAnswer answer = store.add(1, "slack", "U1", "før\0etter", T0, null);

        assertThat(answer.text()).isEqualTo("føretter");
        assertThat(store.forPrompt(1)).containsExactly(answer);
    }

    @Test
    void instants_roundTripToTheMicrosecond_alsoInTheHourThatHappensTwice() {
        /* 2019-10-27 02:30 happened twice in Oslo: at 00:30Z (summer time) and 01:30Z (winter time). */
        Instant firstHalfPast2 = Instant.parse("2019-10-27T00:30:00Z");
        Instant secondHalfPast2 = Instant.parse("2019-10-27T01:30:00Z");
        ReflectionAnswer second = store.add(1, "slack", "U2", "andre", secondHalfPast2, null);
        ReflectionAnswer first = store.add(1, "slack", "U1", "første", firstHalfPast2, null);
        ReflectionAnswer nanos = store.add(1, "slack", "U3", "nanos", Instant.parse("2019-11-05T10:00:00.123456789Z"), null);

        assertThat(store.forPrompt(1)).containsExactly(first, second, nanos);
        assertThat(store.forPrompt(1).get(1).at()).isEqualTo(secondHalfPast2);
        assertThat(nanos.at()).isEqualTo(Instant.parse("2019-11-05T10:00:00.123456789Z").truncatedTo(ChronoUnit.MICROS));
    }

    @Test
    void databaseGone_isStoreUnavailable_andNothingIsStored() {
        store.add(1, "slack", "U1", "før", T0, null);
        takeDatabaseAway();

        assertThatThrownBy(() -> store.add(1, "slack", "U1", "under", T0, "r")).isInstanceOf(StoreUnavailable.class)
                .hasMessageNotContaining("not-a-secret");
        assertThatThrownBy(() -> store.forPrompt(1)).isInstanceOf(StoreUnavailable.class);
        assertThatThrownBy(() -> store.delete("slack", "U1", 0)).isInstanceOf(StoreUnavailable.class);

        try (Database back = reopen()) {
            ReflectionStore again = new JdbcReflectionStore(back);
            assertThat(again.forPrompt(1)).extracting(ReflectionAnswer::text).containsExactly("før");
        }
    }
}
