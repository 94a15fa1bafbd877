package no.folkevalgt.app;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import no.folkevalgt.core.port.ReflectionAnswer;
import no.folkevalgt.core.port.ReflectionStore;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A reflection store that counts the answers stored for {@code /metrics}
 * ({@code folkevalgt_reflection_answers_stored_total}). A platform's retry of the same request id
 * (which the store keeps once) is counted once.
 *
 * <pre>{@code
 * ReflectionStore store = new MeteredReflectionStore(new JdbcReflectionStore(database), registry);
 * }</pre>
 */
public final class MeteredReflectionStore implements ReflectionStore {

    private final ReflectionStore delegate;
    private final Counter stored;
    /* The answer ids seen lately: a retry returns the first answer, with its id. */
    private final java.util.Set<Long> seen = java.util.Collections.newSetFromMap(new java.util.LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<Long, Boolean> eldest) {
            return size() > 10_000;
        }
    });

    public MeteredReflectionStore(ReflectionStore delegate, MeterRegistry registry) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.stored = Counter.builder("folkevalgt.reflection.answers.stored").description("Reflection answers stored")
                .register(Objects.requireNonNull(registry, "registry"));
    }

    @Override
    public ReflectionAnswer add(int prompt, String platform, String user, String text, Instant at, String requestId) {
        ReflectionAnswer answer = delegate.add(prompt, platform, user, text, at, requestId);
        boolean first;
        synchronized (seen) {
            first = seen.add(answer.id());
        }
        if (first) {
            stored.increment();
        }
        return answer;
    }

    @Override
    public List<ReflectionAnswer> forPrompt(int prompt) {
        return delegate.forPrompt(prompt);
    }

    @Override
    public List<ReflectionAnswer> byUser(String platform, String user) {
        return delegate.byUser(platform, user);
    }

    @Override
    public int delete(String platform, String user, int prompt) {
        return delegate.delete(platform, user, prompt);
    }

    @Override
    public int count(int prompt) {
        return delegate.count(prompt);
    }
}
