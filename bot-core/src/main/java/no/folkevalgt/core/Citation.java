package no.folkevalgt.core;

import java.util.Objects;
import no.folkevalgt.knowledge.Passage;

/**
 * Where an answer came from: one slide of the programme material.
 *
 * @param title  the slide's title
 * @param slide  the slide number, from 1
 * @param source the file the slide is in, relative to the content folder
 */
public record Citation(String title, int slide, String source) {

    public Citation {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(source, "source");
        if (title.isBlank()) {
            throw new IllegalArgumentException("title is blank for slide " + slide + " in " + source);
        }
        if (slide < 1) {
            throw new IllegalArgumentException("slide must be 1 or more but was " + slide + " in " + source);
        }
        if (source.isBlank()) {
            throw new IllegalArgumentException("source is blank for slide " + slide);
        }
    }

    /** The citation of a passage. */
    public static Citation of(Passage passage) {
        return new Citation(passage.title(), passage.slide(), passage.source());
    }

    /** The full reference users see after an answer: {@code «Title», lysbilde 12 (deck.txt)}. */
    public String reference() {
        return "«" + title + "», lysbilde " + slide + " (" + source + ")";
    }

    /** The short reference used in "Se også": {@code «Title» (lysbilde 12)}. */
    public String shortReference() {
        return "«" + title + "» (lysbilde " + slide + ")";
    }
}
