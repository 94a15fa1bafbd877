package no.folkevalgt.core.dialogue;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import no.folkevalgt.core.port.DialogueMemory;

/**
 * A dialogue memory in this process only, bounded in size: for a single instance without a shared
 * database, and for tests. Expired turns are never returned and are dropped when the bound is reached.
 */
public final class InMemoryDialogueMemory implements DialogueMemory {

    /** Most conversations remembered at once. */
    public static final int MAX_CONVERSATIONS = 10_000;

    private final Cache<String, Turn> turns;

    public InMemoryDialogueMemory() {
        this(MAX_CONVERSATIONS);
    }

    public InMemoryDialogueMemory(int maxConversations) {
        this.turns = Caffeine.newBuilder().maximumSize(maxConversations).build();
    }

    @Override
    public Optional<Turn> recall(String key, Instant now) {
        Turn turn = turns.getIfPresent(Objects.requireNonNull(key, "key"));
        if (turn != null && !turn.expiresAt().isAfter(now)) {
            turns.asMap().remove(key, turn);
            return Optional.empty();
        }
        return Optional.ofNullable(turn);
    }

    @Override
    public void remember(String key, Turn turn) {
        turns.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(turn, "turn"));
    }

    @Override
    public void forget(String key) {
        turns.invalidate(key);
    }
}
