package no.folkevalgt.core.port;

import java.util.List;


/** Draws a word cloud. the wordcloud module's {@code WordCloud} is the real one; tests may pass a lambda. */
@FunctionalInterface
public interface WordCloudRenderer {

    /** The most words a cloud shows (and a summary counts). */
    int MAX_WORDS = 40;

    /**
     * @param words the words to show, most used first; may be empty (then the image says so)
     * @return a PNG image
     * @throws RuntimeException when it cannot draw (no fonts, no graphics): the summary then goes out without it
     */
    byte[] png(List<WordCount> words);
}
