package no.folkevalgt.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import no.folkevalgt.core.port.ChannelPoster;
import no.folkevalgt.core.port.ChannelRef;
import no.folkevalgt.core.port.KnowledgeBase;
import no.folkevalgt.core.port.PostFailure;
import no.folkevalgt.core.port.Reply;
import no.folkevalgt.knowledge.LuceneKnowledgeBase;
import no.folkevalgt.knowledge.UnsureKnowledgeBase;
import no.folkevalgt.storage.Database;
import no.folkevalgt.storage.JdbcReflectionStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The metering decorators the composition root wraps around the knowledge base, the reflection store and
 * the poster: what they count, in the Prometheus text {@code /metrics} serves, around the real parts
 * (the bundled material's Lucene index, the reflection store on H2).
 */
class MeteredDecoratorsTest {

    final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    @TempDir
    Path temp;

    @Test
    void theKnowledgeBase_countsQuestionsOutcomesLatencyAndTheCache() throws Exception {
        LuceneKnowledgeBase lucene = LuceneKnowledgeBase.open(Path.of("..", "..", "content"), temp.resolve("index"));
        KnowledgeBase kb = new MeteredKnowledgeBase(lucene, registry);
        assertThat(kb.ask("Hva er deltakelsestrappa?", 3).answered()).isTrue();
        assertThat(kb.ask("Hva er deltakelsestrappa?", 3).answered()).isTrue();
        kb.ask("Hvem vinner fotballkampen i kveld?", 3);

        String scrape = registry.scrape();
        assertThat(value(scrape, "folkevalgt_questions_total")).isEqualTo(3);
        assertThat(value(scrape, "folkevalgt_questions_answered_total")).isEqualTo(2);
        assertThat(value(scrape, "folkevalgt_questions_answered_ratio")).isBetween(0.6, 0.7);
        assertThat(value(scrape, "folkevalgt_answer_latency_seconds_count")).isEqualTo(3);
        assertThat(scrape).contains("folkevalgt_answer_latency_seconds_bucket", "folkevalgt_cache_misses");
        assertThat(value(scrape, "folkevalgt_cache_hits")).as("the second, same question").isGreaterThanOrEqualTo(1);
        assertThat(value(scrape, "folkevalgt_index_passages")).isEqualTo(lucene.stats().passages());

        assertThat(MeteredKnowledgeBase.unmetered(kb)).as("a facilitator's search bypasses the count").isSameAs(lucene);
        MeteredKnowledgeBase.unmetered(kb).ask("Hva er en interpellasjon?", 3);
        assertThat(value(registry.scrape(), "folkevalgt_questions_total")).isEqualTo(3);
    }

    @Test
    void unsureQuestions_areAnOutcomeOfTheirOwn_besideDeclinedOnes() throws Exception {
        LuceneKnowledgeBase lucene = LuceneKnowledgeBase.open(Path.of("..", "..", "content"), temp.resolve("index"));
        KnowledgeBase kb = new MeteredKnowledgeBase(new UnsureKnowledgeBase(lucene), registry);
        kb.ask("Hvor kommer kommunens inntekter fra?", 3);
        kb.ask("Hva blir været i morgen?", 3);

        String scrape = registry.scrape();
        assertThat(value(scrape, "folkevalgt_questions_total")).isEqualTo(2);
        assertThat(value(scrape, "folkevalgt_questions_unsure_total")).isEqualTo(1);
        assertThat(value(scrape, "folkevalgt_questions_declined_total")).isEqualTo(1);
        assertThat(value(scrape, "folkevalgt_questions_answered_total")).isZero();
    }

    @Test
    void theReflectionStore_countsAnAnswerOnce_whenItsRequestComesTwice() {
        try (Database database = Database.open("jdbc:h2:file:" + temp.resolve("db").toAbsolutePath(), "sa", "")) {
            MeteredReflectionStore store = new MeteredReflectionStore(new JdbcReflectionStore(database), registry);
            Instant at = Instant.parse("2026-12-06T10:00:00Z");
            store.add(1, "web", "a", "metrikk", at, "req-1");
            store.add(1, "web", "a", "metrikk", at, "req-1");
            store.add(1, "web", "b", "åpenhet", at, "req-2");

            assertThat(value(registry.scrape(), "folkevalgt_reflection_answers_stored_total")).isEqualTo(2);
            assertThat(store.count(1)).isEqualTo(2);
        }
    }

    @Test
    void thePoster_countsSentAndFailedPostsByPlatform() throws Exception {
        List<ChannelRef> delivered = new ArrayList<>();
        ChannelPoster local = (channel, reply) -> {
            if (!channel.platform().equals("local")) {
                throw PostFailure.permanent("no such platform here: " + channel.platform(), null);
            }
            delivered.add(channel);
        };
        MeteredPoster poster = new MeteredPoster(local, registry);
        poster.post(new ChannelRef("local", "programmet"), Reply.text("Om 10 minutter: Lunsj"));
        assertThatThrownBy(() -> poster.post(new ChannelRef("slack", "C1"), Reply.text("x"))).isInstanceOf(PostFailure.class);

        String scrape = registry.scrape();
        assertThat(delivered).containsExactly(new ChannelRef("local", "programmet"));
        assertThat(scrape).contains("folkevalgt_posts_sent_total{platform=\"local\"} 1.0",
                "folkevalgt_posts_failed_total{platform=\"slack\"} 1.0");
    }

    /* The value of the first sample of {@code name} (without labels, or with any). */
    static double value(String scrape, String name) {
        return scrape.lines().filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " in\n" + scrape));
    }
}
