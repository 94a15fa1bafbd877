package no.folkevalgt.core.dialogue;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A shared dialogue memory (the database) read through a small cache. Writes go through to the shared
 * memory at once; a cached turn is trusted for {@link #DEFAULT_FRESHNESS} only, so that a message which
 * reaches another instance in between is seen here soon after: a member's next message usually comes
 * later than that, and then it is read from the shared memory. Within the window (a burst of messages,
 * a platform's retry) no database round trip is made.
 */
public final class CachedDialogueMemory implements DialogueMemory {

    /** How long a cached turn is trusted before the shared memory is asked again. */
    public static final Duration DEFAULT_FRESHNESS = Duration.ofSeconds(2);

    private final DialogueMemory shared;
    private final Cache<String, Optional<Turn>> cache;

    public CachedDialogueMemory(DialogueMemory shared) {
        this(shared, DEFAULT_FRESHNESS, Ticker.systemTicker());
    }

    CachedDialogueMemory(DialogueMemory shared, Duration freshness, Ticker ticker) {
        this.shared = Objects.requireNonNull(shared, "shared");
        this.cache = Caffeine.newBuilder().maximumSize(InMemoryDialogueMemory.MAX_CONVERSATIONS)
                .expireAfterWrite(freshness).ticker(ticker).build();
    }

    @Override
    public Optional<Turn> recall(String key, Instant now) {
        Optional<Turn> turn = cache.get(key, k -> shared.recall(k, now));
        return turn.filter(t -> t.expiresAt().isAfter(now));
    }

    @Override
    public void remember(String key, Turn turn) {
        /* Forget first: if the write fails, no stale turn stays cached. */
        cache.invalidate(key);
        shared.remember(key, turn);
        cache.put(key, Optional.of(turn));
    }

    @Override
    public void forget(String key) {
        cache.invalidate(key);
        shared.forget(key);
    }

    @Override
    public String toString() {
        return "CachedDialogueMemory[" + shared + "]";
    }
}
