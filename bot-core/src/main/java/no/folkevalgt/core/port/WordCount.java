package no.folkevalgt.core.port;

import java.util.Objects;

/**
 * A word and in how many answers it occurs, for a word cloud.
 *
 * <pre>{@code
 * new WordCount("skole", 3)   // "skole", "skolen" and "skoler" in three answers
 * }</pre>
 *
 * @param word  the form shown: the most frequent written form of the word, lower case
 * @param count how many texts use the word (in any of its forms), 1 or more
 */
public record WordCount(String word, int count) {

    public WordCount {
        Objects.requireNonNull(word, "word");
        if (word.isBlank()) {
            throw new IllegalArgumentException("word is blank");
        }
        if (count < 1) {
            throw new IllegalArgumentException("count must be 1 or more but was " + count + " for «" + word + "»");
        }
    }

    @Override
    public String toString() {
        return word + " (" + count + ")";
    }
}
