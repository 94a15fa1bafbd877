package no.folkevalgt.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.no.NorwegianNormalizationFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.util.BytesRef;

/**
 * Counts the words of short answers the way Mentimeter's word cloud does for "skriv inntil fem ord":
 * Norwegian stop words (Bokmål and Nynorsk) are left out, the forms of one word are merged
 * ("skole", "skolen", "skoler" count as "skole"), and each text counts a word once however often it
 * repeats it. Numbers and one-letter tokens are ignored; hyphenated words ("e-post", "covid-19") stay
 * whole. Thread-safe.
 *
 * <pre>{@code
 * List<WordCount> top = new WordCounter().top(List.of("Bygge ny skole", "skolen", "flere skoler"), 10);
 * // [skole (3), bygge (1), flere (1), ny (1)]
 * }</pre>
 */
public final class WordCounter {

    /** Hyphens that join the parts of one word: hyphen-minus, hyphen, non-breaking hyphen. */
    private static final String HYPHENS = "-\u2010\u2011";

    private final Analyzer tokens = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            return new TokenStreamComponents(source, new LowerCaseFilter(source));
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new NorwegianNormalizationFilter(new LowerCaseFilter(in));
        }
    };

    private final Collator collator = Collator.getInstance(Locale.forLanguageTag("nb-NO"));

    /**
     * The most used words of some texts, most used first; ties in the order of the Norwegian
     * alphabet.
     *
     * @param texts answers, one per person and submission; null and blank entries are skipped
     * @param n     at most this many words (0 or more)
     * @return at most {@code n} words, each with the number of texts that use it
     */
    public List<WordCount> top(List<String> texts, int n) {
        Objects.requireNonNull(texts, "texts");
        if (n < 0) {
            throw new IllegalArgumentException("n must be 0 or more but was " + n);
        }
        List<List<String>> wordsPerText = new ArrayList<>();
        for (String text : texts) {
            if (text != null && !text.isBlank()) {
                wordsPerText.add(words(text));
            }
        }
        Groups groups = new Groups();
        wordsPerText.forEach(words -> words.forEach(groups::add));
        groups.joinInflections();

        /* group -> number of texts using it; group -> surface form -> number of texts using that form */
        Map<String, Integer> textsPerGroup = new HashMap<>();
        Map<String, Map<String, Integer>> forms = new HashMap<>();
        for (List<String> words : wordsPerText) {
            Map<String, Set<String>> inThisText = new LinkedHashMap<>();
            for (String word : words) {
                inThisText.computeIfAbsent(groups.of(word), g -> new LinkedHashSet<>()).add(word);
            }
            inThisText.forEach((group, surfaces) -> {
                textsPerGroup.merge(group, 1, Integer::sum);
                Map<String, Integer> counts = forms.computeIfAbsent(group, g -> new HashMap<>());
                surfaces.forEach(surface -> counts.merge(surface, 1, Integer::sum));
            });
        }
        List<WordCount> all = new ArrayList<>(textsPerGroup.size());
        textsPerGroup.forEach((group, count) -> all.add(new WordCount(shownForm(forms.get(group)), count)));
        all.sort(Comparator.comparingInt(WordCount::count).reversed()
                .thenComparing(WordCount::word, this::compareWords));
        return List.copyOf(all.subList(0, Math.min(n, all.size())));
    }

    /**
     * The words of one text that belong in a cloud: lower case, æ/ø/å spellings normalised, stop
     * words, numbers and single letters removed, hyphenated words joined. In text order, repeats kept.
     */
    List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String token : joinHyphenated(text)) {
            boolean hyphenated = token.chars().anyMatch(c -> HYPHENS.indexOf(c) >= 0);
            /* Stop words are checked before normalisation too, as in the search chain ("does" would become "døs"). */
            if (!hyphenated && NorwegianAnalysis.STOP_WORDS.contains(token)) {
                continue;
            }
            String word = normalise(token);
            if (word.codePointCount(0, word.length()) < 2 || word.codePoints().noneMatch(Character::isLetter)) {
                continue;
            }
            if (!hyphenated && NorwegianAnalysis.STOP_WORDS.contains(word)) {
                continue;
            }
            words.add(word);
        }
        return words;
    }

    /**
     * Lucene's tokens, lower-cased, with the parts of hyphenated words joined again: the standard
     * tokenizer splits "e-post" into "e" and "post", which would lose the word.
     */
    private List<String> joinHyphenated(String text) {
        List<String> joined = new ArrayList<>();
        try (TokenStream stream = tokens.tokenStream("words", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            int previousEnd = -1;
            while (stream.incrementToken()) {
                int start = offset.startOffset();
                if (!joined.isEmpty() && start == previousEnd + 1 && HYPHENS.indexOf(text.charAt(previousEnd)) >= 0) {
                    int last = joined.size() - 1;
                    joined.set(last, joined.get(last) + "-" + term);
                } else {
                    joined.add(term.toString());
                }
                previousEnd = offset.endOffset();
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysis of an in-memory string failed", e);
        }
        return joined;
    }

    private String normalise(String token) {
        BytesRef normalised = tokens.normalize("words", token);
        return normalised.utf8ToString();
    }

    /** The form most texts used; on a tie the shorter (usually the base form), then alphabetical. */
    private String shownForm(Map<String, Integer> surfaceCounts) {
        return surfaceCounts.entrySet().stream()
                .min(Map.Entry.<String, Integer>comparingByValue().reversed()
                        .thenComparingInt(e -> e.getKey().length())
                        .thenComparing(Map.Entry::getKey, this::compareWords))
                .orElseThrow()
                .getKey();
    }

    private int compareWords(String a, String b) {
        int byAlphabet;
        synchronized (collator) {
            byAlphabet = collator.compare(a, b);
        }
        return byAlphabet != 0 ? byAlphabet : a.compareTo(b);
    }

    /**
     * Which written forms count as one word. Forms with the same stem ({@link NorwegianAnalysis#lightStem})
     * are one word. The light stemmer is not always consistent ("barn" becomes "bar" but "barna"
     * becomes "barn"; "e-post" becomes "e-po"), so a form is also joined to another form that was
     * written when it is that form plus an inflectional ending: "barna" = "barn" + "a".
     * Derivations ("åpenhet" from "åpen") are not endings and stay apart unless the stems agree.
     */
    private static final class Groups {

        private static final List<String> ENDINGS = List.of("a", "e", "en", "et", "er", "ene", "ar", "ane", "erne");

        /* Marks the keys that are stems; tokens never hold a NUL character. */
        private static final String STEM = "\0";

        /* surface form or stem key -> parent in a union-find; each surface form starts under its stem */
        private final Map<String, String> parent = new HashMap<>();

        void add(String surface) {
            if (parent.containsKey(surface)) {
                return;
            }
            String stemKey = STEM + NorwegianAnalysis.lightStem(surface);
            parent.putIfAbsent(stemKey, stemKey);
            parent.put(surface, stemKey);
        }

        void joinInflections() {
            List<String> surfaces = parent.keySet().stream().filter(k -> !k.startsWith(STEM)).sorted().toList();
            for (String surface : surfaces) {
                for (String ending : ENDINGS) {
                    if (surface.length() > ending.length() + 1 && surface.endsWith(ending)) {
                        String base = surface.substring(0, surface.length() - ending.length());
                        if (parent.containsKey(base)) {
                            union(surface, base);
                        }
                    }
                }
            }
        }

        /** The group of a surface form that was {@link #add added}. */
        String of(String surface) {
            return root(surface);
        }

        private String root(String key) {
            String at = key;
            while (!parent.get(at).equals(at)) {
                String up = parent.get(at);
                parent.put(at, parent.get(up));
                at = up;
            }
            return at;
        }

        private void union(String a, String b) {
            String ra = root(a);
            String rb = root(b);
            if (!ra.equals(rb)) {
                /* The smaller key becomes the root, so that the grouping does not depend on order. */
                if (ra.compareTo(rb) < 0) {
                    parent.put(rb, ra);
                } else {
                    parent.put(ra, rb);
                }
            }
        }
    }
}
