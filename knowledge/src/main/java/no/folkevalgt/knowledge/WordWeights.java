package no.folkevalgt.knowledge;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How much a word of a question says, from Norwegian at large rather than from the material alone.
 *
 * <p>A 99-slide deck makes everyday words rare: "få", "gjøre", "egentlig" or "bra" appear on few
 * slides, so the deck's own IDF weighs them like "interpellasjon", and a question full of them looks
 * uncovered. The bundled lists of light words ({@code lette-ord.txt}: common verbs, adjectives,
 * adverbs and generic nouns of Bokmål and Nynorsk in their inflected forms; {@code
 * lette-ord-engelsk.txt} the same for English questions) mark words that carry little topic; their
 * weight is scaled down by {@link #LIGHT}. The lists are matched by written form, not by stem, so
 * "været" (the weather) is not light because "vær" (be!) is. Stop words are dropped before weighing.
 */
final class WordWeights {

    /** The share of its IDF weight a light word keeps. */
    static final double LIGHT = 0.2;

    private static final WordWeights BUNDLED = new WordWeights(
            forms(NorwegianAnalysis.readWordList("lette-ord.txt"), NorwegianAnalysis.readWordList("lette-ord-engelsk.txt")));

    private final Set<String> light;

    private WordWeights(Set<String> light) {
        this.light = Set.copyOf(light);
    }

    static WordWeights bundled() {
        return BUNDLED;
    }

    /** Whether a word, as {@link NorwegianAnalysis#surfaces} reads it, is a light word. */
    boolean isLight(NorwegianAnalysis.Surface word) {
        return light.contains(word.text()) || light.contains(word.raw());
    }

    /* Forms as a question's words are read: lower-cased and æ/ø/å-normalised (the raw form is kept too). */
    @SafeVarargs
    private static Set<String> forms(List<String>... lists) {
        Set<String> forms = new HashSet<>();
        for (List<String> list : lists) {
            for (String form : list) {
                forms.add(form.toLowerCase(java.util.Locale.ROOT));
                NorwegianAnalysis.surfaces(form).forEach(w -> forms.add(w.text()));
            }
        }
        return forms;
    }
}
