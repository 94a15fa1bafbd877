package no.folkevalgt.core.dialogue;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import no.folkevalgt.core.port.DialogueMemory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A shared dialogue memory (the database) read through a small cache. Writes go through to the shared
 * memory at once; a cached turn is trusted for {@link #DEFAULT_FRESHNESS} only, so that a message which
 * reaches another instance in between is seen here soon after: a member's next message usually comes
 * later than that, and then it is read from the shared memory. Within the window (a burst of messages,
 * a platform's retry) no database round trip is made.
 *
 * <p>When the shared memory fails, it is left alone for {@link Outage#PAUSE} and this instance's own
 * copy of the turns it remembered is used instead: a follow-up keeps its context when it reaches the
 * same instance, and no message waits on the database's timeout.
 */
public final class CachedDialogueMemory implements DialogueMemory {

    /** How long a cached turn is trusted before the shared memory is asked again. */
    public static final Duration DEFAULT_FRESHNESS = Duration.ofSeconds(2);

    private static final Logger log = LoggerFactory.getLogger(CachedDialogueMemory.class);

    private final DialogueMemory shared;
    private final Cache<String, Optional<Turn>> cache;
    private final DialogueMemory local = new InMemoryDialogueMemory();
    private final Outage outage;

    public CachedDialogueMemory(DialogueMemory shared) {
        this(shared, DEFAULT_FRESHNESS, Ticker.systemTicker());
    }

    CachedDialogueMemory(DialogueMemory shared, Duration freshness, Ticker ticker) {
        this.shared = Objects.requireNonNull(shared, "shared");
        this.cache = Caffeine.newBuilder().maximumSize(InMemoryDialogueMemory.MAX_CONVERSATIONS)
                .expireAfterWrite(freshness).ticker(ticker).build();
        this.outage = new Outage(Outage.PAUSE, ticker::read);
    }

    @Override
    public Optional<Turn> recall(String key, Instant now) {
        Optional<Turn> turn = cache.getIfPresent(key);
        if (turn == null) {
            if (outage.skip()) {
                return local.recall(key, now);
            }
            try {
                turn = shared.recall(key, now);
                outage.succeeded();
            } catch (RuntimeException e) {
                away(e);
                return local.recall(key, now);
            }
            cache.put(key, turn);
        }
        return turn.filter(t -> t.expiresAt().isAfter(now));
    }

    @Override
    public void remember(String key, Turn turn) {
        /* Forget first: if the write fails, no stale turn stays cached. */
        cache.invalidate(key);
        local.remember(key, turn);
        if (outage.skip()) {
            return;
        }
        try {
            shared.remember(key, turn);
            outage.succeeded();
        } catch (RuntimeException e) {
            away(e);
            return;
        }
        cache.put(key, Optional.of(turn));
    }

    @Override
    public void forget(String key) {
        cache.invalidate(key);
        local.forget(key);
        if (!outage.skip()) {
            try {
                shared.forget(key);
                outage.succeeded();
            } catch (RuntimeException e) {
                away(e);
            }
        }
    }

    private void away(RuntimeException e) {
        if (outage.failed()) {
            log.warn("The shared dialogue memory failed; using this instance's memory for the next {} s: {}",
                    Outage.PAUSE.toSeconds(), e.toString());
        }
    }

    @Override
    public String toString() {
        return "CachedDialogueMemory[" + shared + "]";
    }
}
