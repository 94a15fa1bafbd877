package no.folkevalgt.core.port;

import java.util.List;


/**
 * Counts the most used words of some answers, for summaries and word clouds. The knowledge module's
 * {@code WordCounter} is the real one; it is passed as a method reference so that bot-core sees no
 * search-engine types:
 *
 * <pre>{@code
 * TopWords topWords = new WordCounter()::top;
 * }</pre>
 */
@FunctionalInterface
public interface TopWords {

    /**
     * @param texts the answers
     * @param n     at most this many words
     * @return the most used words, most used first, each counted once per answer (every word of
     *         every answer considered), so no count is more than the number of texts
     */
    List<WordCount> top(List<String> texts, int n);

    /** Whether an answer has a word that counts (not only stop words, numbers or emoji). */
    default boolean hasWords(String text) {
        return !top(List.of(text), 1).isEmpty();
    }
}
