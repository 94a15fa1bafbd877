package no.folkevalgt.core.reflection;

import java.util.List;

import no.folkevalgt.knowledge.WordCount;

/** Draws a word cloud. {@link WordCloud} is the real one; tests may pass a lambda. */
@FunctionalInterface
public interface WordCloudRenderer {

    /**
     * @param words the words to show, most used first; may be empty (then the image says so)
     * @return a PNG image
     */
    byte[] png(List<WordCount> words);
}
