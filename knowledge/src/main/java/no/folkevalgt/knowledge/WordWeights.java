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
 * weight is scaled down by {@link #LIGHT}. Stop words are dropped before weighing.
 */
final class WordWeights {

    /** The share of its IDF weight a light word keeps. */
    static final double LIGHT = 0.2;

    private static final WordWeights BUNDLED = new WordWeights(
            stems(NorwegianAnalysis.readWordList("lette-ord.txt"), NorwegianAnalysis.readWordList("lette-ord-engelsk.txt")));

    private final Set<String> light;

    private WordWeights(Set<String> light) {
        this.light = Set.copyOf(light);
    }

    static WordWeights bundled() {
        return BUNDLED;
    }

    /** The factor on a stem's IDF weight: {@link #LIGHT} for a light word, else 1. */
    double factor(String stem) {
        return light.contains(stem) ? LIGHT : 1.0;
    }

    boolean isLight(String stem) {
        return light.contains(stem);
    }

    /* Forms are lower-cased, æ/ø/å-normalised and stemmed like a question; stop words need no weight. */
    @SafeVarargs
    private static Set<String> stems(List<String>... lists) {
        Set<String> stems = new HashSet<>();
        var exact = NorwegianAnalysis.exact();
        for (var list : lists) {
            for (String form : list) {
                for (String surface : NorwegianAnalysis.terms(exact, LuceneKnowledgeBase.EXACT, form)) {
                    if (!NorwegianAnalysis.STOP_WORDS.contains(surface)) {
                        stems.add(NorwegianAnalysis.stem(surface));
                    }
                }
            }
        }
        return stems;
    }
}
