package no.folkevalgt.knowledge;

import java.util.List;
import java.util.Objects;

/**
 * What the knowledge base found for a question.
 *
 * @param question      the question as asked
 * @param answered      true when the material answers it; false means "not in the material"
 * @param hits          the best passages, best first; empty when not answered
 * @param interpretedAs the question as the search understood it after spelling and dialect fixes,
 *                      or null when nothing was changed
 */
public record Answer(String question, boolean answered, List<Hit> hits, String interpretedAs) {

    public Answer {
        Objects.requireNonNull(question, "question");
        hits = List.copyOf(hits);
        if (answered && hits.isEmpty()) {
            throw new IllegalArgumentException("an answered question needs at least one hit");
        }
        if (!answered && !hits.isEmpty()) {
            throw new IllegalArgumentException("a declined question carries no hits");
        }
    }

    /** A declined answer: the material has nothing on this question. */
    public static Answer declined(String question) {
        return new Answer(question, false, List.of(), null);
    }
}
