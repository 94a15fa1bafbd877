package no.folkevalgt.core.port;

import java.time.Instant;
import java.util.List;


/**
 * Where reflection answers are kept. Every method commits before it returns: an answer that
 * {@link #add} returned is durable. Implementations are thread-safe.
 */
public interface ReflectionStore {

    /**
     * Stores an answer, once: a second call by the same platform and user with the same non-null
     * {@code requestId} (a platform's retry of the same command) returns the first answer and stores
     * nothing. Another user's answer with the same request id is stored as well: ids chosen by a
     * client (the web chat's) may collide between users.
     *
     * @param requestId the platform's id for the command, or null when it has none
     * @throws StoreUnavailable when the database cannot be reached; nothing was stored
     */
    ReflectionAnswer add(int prompt, String platform, String user, String text, Instant at, String requestId);

    /** All answers to a prompt, oldest first. */
    List<ReflectionAnswer> forPrompt(int prompt);

    /** One user's answers, oldest first. */
    List<ReflectionAnswer> byUser(String platform, String user);

    /**
     * Deletes one user's answers, to one prompt or (prompt 0) to all.
     *
     * @return how many were deleted
     */
    int delete(String platform, String user, int prompt);

    /** How many answers a prompt has. */
    int count(int prompt);
}
