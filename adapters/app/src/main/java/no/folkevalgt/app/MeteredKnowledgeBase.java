package no.folkevalgt.app;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import no.folkevalgt.core.port.Answer;
import no.folkevalgt.core.port.KnowledgeBase;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A knowledge base that counts for {@code /metrics}: questions ({@code folkevalgt_questions_total}),
 * by outcome: answered ones ({@code folkevalgt_questions_answered_total}), unsure ones answered with
 * suggestions ({@code folkevalgt_questions_unsure_total}) and declined ones
 * ({@code folkevalgt_questions_declined_total}); the share answered
 * ({@code folkevalgt_questions_answered_ratio}), answer latency ({@code folkevalgt_answer_latency_seconds})
 * and the cache's hits and misses ({@code folkevalgt_cache_hits}, {@code folkevalgt_cache_misses},
 * {@code folkevalgt_index_passages}). Give it to the bot in place of the knowledge base it wraps.
 *
 * <pre>{@code
 * KnowledgeBase kb = new MeteredKnowledgeBase(LuceneKnowledgeBase.open(content, index), registry);
 * }</pre>
 */
public final class MeteredKnowledgeBase implements KnowledgeBase {

    private final KnowledgeBase delegate;
    private final Counter questions;
    private final Counter answered;
    private final Counter unsure;
    private final Counter declined;
    private final Timer latency;
    private final AtomicLong asked = new AtomicLong();
    private final AtomicLong found = new AtomicLong();

    public MeteredKnowledgeBase(KnowledgeBase delegate, MeterRegistry registry) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        Objects.requireNonNull(registry, "registry");
        this.questions = Counter.builder("folkevalgt.questions").description("Questions searched in the material")
                .register(registry);
        this.answered = Counter.builder("folkevalgt.questions.answered")
                .description("Questions answered from the material").register(registry);
        this.unsure = Counter.builder("folkevalgt.questions.unsure")
                .description("Questions the material did not answer with confidence; the closest slides were suggested")
                .register(registry);
        this.declined = Counter.builder("folkevalgt.questions.declined")
                .description("Questions nothing in the material was close to").register(registry);
        this.latency = Timer.builder("folkevalgt.answer.latency").description("Time to search for an answer")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(10)).register(registry);
        Gauge.builder("folkevalgt.questions.answered.ratio", this, MeteredKnowledgeBase::shareAnswered)
                .description("Share of the questions answered from the material (0 to 1)").register(registry);
        Gauge.builder("folkevalgt.cache.hits", this, kb -> kb.delegate.stats().cacheHits())
                .description("Questions answered from the cache").register(registry);
        Gauge.builder("folkevalgt.cache.misses", this, kb -> kb.delegate.stats().cacheMisses())
                .description("Questions that were searched").register(registry);
        Gauge.builder("folkevalgt.index.passages", this, kb -> kb.delegate.stats().passages())
                .description("Passages in the index").register(registry);
    }

    @Override
    public Answer ask(String question, int top) {
        return measured(() -> delegate.ask(question, top));
    }

    @Override
    public Answer ask(String question, String focus, int top) {
        return measured(() -> delegate.ask(question, focus, top));
    }

    private Answer measured(java.util.function.Supplier<Answer> search) {
        long start = System.nanoTime();
        Answer answer = null;
        try {
            answer = search.get();
            return answer;
        } finally {
            latency.record(Duration.ofNanos(System.nanoTime() - start));
            questions.increment();
            asked.incrementAndGet();
            if (answer != null) {
                switch (answer.outcome()) {
                    case SURE -> {
                        answered.increment();
                        found.incrementAndGet();
                    }
                    case UNSURE -> unsure.increment();
                    case NONE -> declined.increment();
                }
            }
        }
    }

    double shareAnswered() {
        long n = asked.get();
        return n == 0 ? 0 : (double) found.get() / n;
    }

    /** The knowledge base {@code kb} measures, if it is a metered one, for searches that are not members' questions. */
    static KnowledgeBase unmetered(KnowledgeBase kb) {
        return kb instanceof MeteredKnowledgeBase metered ? metered.delegate : kb;
    }

    @Override
    public int closest(String question, List<String> known) {
        return delegate.closest(question, known);
    }

    @Override
    public Answer answerFrom(String question, String passageId, int top) {
        return measured(() -> delegate.answerFrom(question, passageId, top));
    }

    @Override
    public List<no.folkevalgt.core.port.Passage> passages() {
        return delegate.passages();
    }

    @Override
    public List<String> topics() {
        return delegate.topics();
    }

    @Override
    public void watch(Duration interval) {
        delegate.watch(interval);
    }

    @Override
    public Stats stats() {
        return delegate.stats();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
