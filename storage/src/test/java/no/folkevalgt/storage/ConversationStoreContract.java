package no.folkevalgt.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import no.folkevalgt.core.port.ChannelRef;
import no.folkevalgt.core.port.ConversationStore.Conversation;
import no.folkevalgt.core.port.ConversationStore;
import no.folkevalgt.core.port.StoreUnavailable;

/** What every ConversationStore does, run against H2 and PostgreSQL. */
abstract class ConversationStoreContract extends DatabaseTestBase {

    static final Instant T0 = Instant.parse("2019-11-05T12:00:00Z");
    static final ChannelRef CHANNEL = new ChannelRef("teams", "19:abc123@thread.tacv2");
    static final String REFERENCE = "{\"serviceUrl\":\"https://smba.trafficmanager.net/emea/\",\"conversation\":{\"id\":\"19:abc123@thread.tacv2\"}}";

    ConversationStore store;

    @BeforeEach
    void createStore() {
        store = new JdbcConversationStore(db);
    }

    @Test
    void aSavedConversation_isFoundByItsChannel() {
        Conversation saved = new Conversation(CHANNEL, "tenant-1", REFERENCE, T0);
        store.save(saved);

        assertThat(store.find(CHANNEL)).contains(saved);
        assertThat(store.find(new ChannelRef("teams", "other"))).isEmpty();
        assertThat(store.find(new ChannelRef("slack", CHANNEL.id()))).isEmpty();
    }

    @Test
    void savingAgain_replacesTheReference() {
        store.save(new Conversation(CHANNEL, "tenant-1", REFERENCE, T0));
        Conversation newer = new Conversation(CHANNEL, "tenant-1", REFERENCE.replace("emea", "amer"), T0.plusSeconds(60));
        store.save(newer);

        assertThat(store.all("teams")).containsExactly(newer);
    }

    @Test
    void all_listsOnePlatform_mostRecentFirst() {
        Conversation older = new Conversation(new ChannelRef("teams", "a:1"), "t", REFERENCE, T0);
        Conversation newer = new Conversation(new ChannelRef("teams", "a:2"), "t", REFERENCE, T0.plusSeconds(5));
        store.save(older);
        store.save(newer);
        store.save(new Conversation(new ChannelRef("slack", "C1"), "T1", "{}", T0));

        assertThat(store.all("teams")).containsExactly(newer, older);
    }

    @Test
    void remove_forgetsTheConversation_once() {
        store.save(new Conversation(CHANNEL, "", REFERENCE, T0));

        assertThat(store.remove(CHANNEL)).isTrue();
        assertThat(store.remove(CHANNEL)).isFalse();
        assertThat(store.find(CHANNEL)).isEmpty();
    }

    @Test
    void aLongReference_andNonAsciiText_roundTrip() {
        String reference = "{\"navn\":\"Kommunestyret i Bø – «møte»\",\"pad\":\"" + "x".repeat(14_000) + "\"}";
        Conversation saved = new Conversation(CHANNEL, "tenant-æøå", reference, T0);
        store.save(saved);

        assertThat(store.find(CHANNEL)).contains(saved);
    }

    @Test
    void firstSavesRacing_leaveOneRow() throws Exception {
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            int n = i;
            futures.add(pool.submit(() -> {
                start.await();
                store.save(new Conversation(CHANNEL, "t", REFERENCE, T0.plusSeconds(n)));
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : futures) {
            f.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(store.all("teams")).hasSize(1);
    }

    @Test
    void databaseGone_isStoreUnavailable() {
        takeDatabaseAway();

        assertThatThrownBy(() -> store.save(new Conversation(CHANNEL, "", REFERENCE, T0))).isInstanceOf(StoreUnavailable.class);
        assertThatThrownBy(() -> store.find(CHANNEL)).isInstanceOf(StoreUnavailable.class);
    }
}
