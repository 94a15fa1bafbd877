package no.folkevalgt.core.port;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;


/**
 * A short memory of the last question in each conversation, so that a follow-up ("hvem avgjør det?",
 * "si mer") is read together with it. A turn expires after a few minutes; it holds the question, never
 * a reflection answer. Implementations are thread-safe; one shared by several instances (the database)
 * lets a follow-up that reaches another instance be understood.
 *
 * <pre>{@code
 * String key = DialogueMemory.keyOf(incoming);
 * memory.recall(key, now).ifPresent(turn -> ...);
 * memory.remember(key, new DialogueMemory.Turn("Hva er en hastesak?", "Hva er en hastesak?", ids, "SURE", now.plus(ttl)));
 * }</pre>
 */
public interface DialogueMemory {

    /** The last turn of the conversation, unless none was kept or it expired before {@code now}. */
    Optional<Turn> recall(String key, Instant now);

    /** Keeps {@code turn} as the conversation's last, replacing the one before. */
    void remember(String key, Turn turn);

    /** Forgets the conversation's last turn, if any. */
    void forget(String key);

    /**
     * The memory key of the conversation a message belongs to: one user in one channel, DM or thread of
     * one workspace on one platform. A hash, so that the memory holds no platform ids.
     */
    static String keyOf(Incoming incoming) {
        String identity = String.join("\u0000", incoming.platform(), incoming.workspace(), incoming.user(),
                incoming.channel(), incoming.thread() == null ? "" : incoming.thread());
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /**
     * One remembered question.
     *
     * @param topic     the question the conversation is about, as the user wrote it: the last one that
     *                  stood alone (a follow-up keeps its topic); shown as "(om: …)"
     * @param query     what was searched for it (a follow-up's words with its topic); "si mer" searches it again
     * @param shown     the passages already shown for it ({@code Passage.id()}), so "si mer" shows the next
     * @param outcome   how the knowledge base answered it: {@code SURE}, {@code UNSURE} or {@code NONE}
     * @param expiresAt when the turn is forgotten
     */
    record Turn(String topic, String query, List<String> shown, String outcome, Instant expiresAt) {

        /** Longest topic kept, in characters; the bot takes questions up to 1,000. */
        public static final int MAX_TOPIC = 1000;
        /** Longest query kept, in characters. */
        public static final int MAX_QUERY = 2000;
        /** Most passage ids kept. */
        public static final int MAX_SHOWN = 20;

        public Turn {
            Objects.requireNonNull(topic, "topic");
            Objects.requireNonNull(query, "query");
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(expiresAt, "expiresAt");
            if (topic.isBlank() || query.isBlank()) {
                throw new IllegalArgumentException("a turn needs a topic and a query");
            }
            topic = cut(topic, MAX_TOPIC);
            query = cut(query, MAX_QUERY);
            shown = List.copyOf(shown.size() > MAX_SHOWN ? shown.subList(shown.size() - MAX_SHOWN, shown.size()) : shown);
            if (!List.of("SURE", "UNSURE", "NONE").contains(outcome)) {
                throw new IllegalArgumentException("outcome must be SURE, UNSURE or NONE but was " + outcome);
            }
        }

        private static String cut(String text, int max) {
            if (text.length() <= max) {
                return text;
            }
            int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
            return text.substring(0, end);
        }
    }
}
