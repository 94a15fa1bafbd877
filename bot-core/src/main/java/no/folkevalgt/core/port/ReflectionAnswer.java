package no.folkevalgt.core.port;

import java.time.Instant;
import java.util.Objects;

/**
 * One stored answer to a reflection prompt.
 *
 * @param id        the store's id
 * @param prompt    the prompt number
 * @param platform  where it was given
 * @param user      the platform's user id (never shown for anonymous prompts)
 * @param text      the answer as given, at most {@link #MAX_LENGTH} characters
 * @param at        when it was stored
 */
public record ReflectionAnswer(long id, int prompt, String platform, String user, String text, Instant at) {

    /** Longest answer taken, in characters. */
    public static final int MAX_LENGTH = 1000;

    public ReflectionAnswer {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(at, "at");
        if (prompt < 1) {
            throw new IllegalArgumentException("prompt must be 1 or more but was " + prompt);
        }
        if (text.isBlank() || text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("an answer has 1 to " + MAX_LENGTH + " characters but had " + text.length());
        }
    }
}
