package no.folkevalgt.core.port;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

import no.folkevalgt.core.text.Questions;

/**
 * What a facilitator taught the bot about one question: the slide that answers it (a link), or that
 * the material does not answer it, with an optional short text the bot gives instead. Questions like
 * it are answered the same way ({@link Lessons#match}).
 *
 * <pre>{@code
 * Lesson.link("Hvem bestemmer lønna til rådmannen?", "deck.txt#49", now);
 * Lesson.notInMaterial("Når er neste kommunestyremøte?", "Se møtekalenderen på kommunens nettside.", now);
 * }</pre>
 *
 * @param question  the question as the facilitator chose it (usually as a member asked it)
 * @param passageId for a link: the passage that answers it ({@code source#slide}); null otherwise
 * @param reply     for "ikke i materialet": the text the bot gives instead, "" for none; null for a link
 * @param at        when it was taught
 */
public record Lesson(String question, String passageId, String reply, Instant at) {

    /** Longest question a facilitator may teach, in characters (as a question bank's line). */
    public static final int MAX_QUESTION = 300;
    /** Longest text the bot gives instead of an answer, in characters. */
    public static final int MAX_REPLY = 500;

    public Lesson {
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(at, "at");
        question = Questions.clean(question);
        if (question.isEmpty() || !Questions.hasWords(question)) {
            throw new IllegalArgumentException("a lesson's question needs words");
        }
        if (question.length() > MAX_QUESTION) {
            throw new IllegalArgumentException("a lesson's question is at most " + MAX_QUESTION + " characters");
        }
        if ((passageId == null) == (reply == null)) {
            throw new IllegalArgumentException("a lesson is either a link to a passage or a reply, not both or neither");
        }
        if (passageId != null && (passageId.isBlank() || passageId.indexOf('#') <= 0)) {
            throw new IllegalArgumentException("a passage id is source#slide, not " + passageId);
        }
        if (reply != null) {
            reply = reply.strip();
            if (reply.length() > MAX_REPLY) {
                throw new IllegalArgumentException("a lesson's reply is at most " + MAX_REPLY + " characters");
            }
        }
    }

    /** The question is answered by this passage. */
    public static Lesson link(String question, String passageId, Instant at) {
        return new Lesson(question, Objects.requireNonNull(passageId, "passageId"), null, at);
    }

    /** The material does not answer the question; {@code reply} ("" for none) is given instead. */
    public static Lesson notInMaterial(String question, String reply, Instant at) {
        return new Lesson(question, null, reply == null ? "" : reply, at);
    }

    /** True for a link to a passage, false for "ikke i materialet". */
    public boolean isLink() {
        return passageId != null;
    }

    /** The linked slide's source file; null for "ikke i materialet". */
    public String source() {
        return passageId == null ? null : passageId.substring(0, passageId.lastIndexOf('#'));
    }

    /** The linked slide's number; 0 for "ikke i materialet". */
    public int slide() {
        if (passageId == null) {
            return 0;
        }
        try {
            return Integer.parseInt(passageId.substring(passageId.lastIndexOf('#') + 1));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** This lesson's key: one lesson per question, whatever its case, spacing and punctuation. */
    public String key() {
        return keyOf(question);
    }

    /** The key of a question: SHA-256 of its words, lower-cased and single-spaced, in hex. */
    public static String keyOf(String question) {
        String normal = Questions.clean(question).toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(normal.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
