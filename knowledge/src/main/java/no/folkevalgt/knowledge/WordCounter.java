package no.folkevalgt.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import no.folkevalgt.core.port.WordCount;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.ScandinavianNormalizer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Counts the content words of short answers for a word cloud and a summary's "mest brukte ord".
 *
 * <p>The rule, for each answer:
 * <ol>
 *   <li>Every word of the answer is read, however long the answer is.</li>
 *   <li>Only content words count. Left out: Norwegian stop words, Bokmål and Nynorsk (pronouns,
 *       auxiliaries and modal verbs such as "jeg", "eg", "ville", "skulle", "kunne", "ha", "være",
 *       "vere", "få"; {@code stoppord.txt}, {@code stoppord-nynorsk.txt} and Snowball's list), and
 *       the very common light words of {@code lette-ord.txt} ("bra", "bedre", "viktig", "gjøre",
 *       "tenke", "ting"...). Both lists are matched by written form, as in search.</li>
 *   <li>What is not a word: numbers, single letters, emoji and punctuation, web addresses
 *       ("https://...", "www.kommune.no") and e-mail addresses, tokens with a dot inside
 *       ("f.eks"), and runs longer than {@value #MAX_WORD_LENGTH} characters (no Norwegian word is
 *       that long; a key-mash is). Hyphenated words ("e-post", "covid-19-beredskap") stay whole.</li>
 *   <li>Forms of one word count as one: by their base form in Norsk ordbank
 *       ({@link NorwegianWords#baseForms}: "skoler", "skolen" → "skole"; "bygda" → "bygd"; Nynorsk
 *       "skular" → "skule", which stays apart from "skole" since the lexicon does not link them).
 *       A hyphenated word takes the base form of its last part ("e-posten" → "e-post"). A word the
 *       lexicon does not know (a name, a new word) is grouped with its other forms in the answers by
 *       the light stemmer and by inflectional endings.</li>
 *   <li>Each word counts at most once per answer, so a count says in how many answers the word
 *       occurs; it is never more than the number of answers.</li>
 * </ol>
 *
 * <p>The form shown is the base form, lower case, spelt as the answers spell it ("Raadhuset" and
 * "rådhuset" show as "rådhus", "Koeffisienten" as "koeffisient", not the search index's folded
 * "køffisient"); a word
 * the lexicon does not know shows in its most used written form. Ties go to the shorter form, then
 * the Norwegian alphabet. The work is linear in the length of the answers. Thread-safe.
 *
 * <pre>{@code
 * List<WordCount> top = new WordCounter().top(List.of("Jeg ville ha bedre skoler i bygda", "skolen"), 10);
 * // [skole (2), bygd (1)]
 * }</pre>
 */
public final class WordCounter {

    /** Longer runs of letters are not counted as words. */
    public static final int MAX_WORD_LENGTH = 40;

    /** Hyphens that join the parts of one word: hyphen-minus, hyphen, non-breaking hyphen. */
    private static final String HYPHENS = "-\u2010\u2011";

    /** Web and e-mail addresses, blanked out before the words are read. */
    private static final Pattern ADDRESSES = Pattern.compile(
            "(?i)\\b(?:[a-z][a-z0-9+.-]*://|www\\.)\\S*|\\S+@\\S+");

    private final Analyzer tokens = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            StandardTokenizer source = new StandardTokenizer();
            /* Long enough that an over-long run comes out whole and is dropped, not cut into pieces that count. */
            source.setMaxTokenLength(4096);
            return new TokenStreamComponents(source, new LowerCaseFilter(source));
        }
    };

    /* The foldings of Lucene's NorwegianNormalizationFilter, as the search index and NorwegianWords use them. */
    private static final ScandinavianNormalizer NORMALIZER = new ScandinavianNormalizer(EnumSet.of(
            ScandinavianNormalizer.Foldings.AE, ScandinavianNormalizer.Foldings.OE, ScandinavianNormalizer.Foldings.AA));

    /* Tokens already read: answers repeat their words, and a facilitator page asks again every few seconds. */
    private final Cache<String, Optional<Word>> known = Caffeine.newBuilder().maximumSize(50_000).build();

    private final Collator collator = Collator.getInstance(Locale.forLanguageTag("nb-NO"));
    private final WordWeights weights = WordWeights.bundled();

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
        List<List<Word>> wordsPerText = new ArrayList<>();
        for (String text : texts) {
            if (text != null && !text.isBlank()) {
                wordsPerText.add(read(text));
            }
        }
        Groups groups = new Groups();
        wordsPerText.forEach(words -> words.forEach(groups::add));
        groups.joinInflections();

        /* group -> number of texts using it; group -> shown form -> number of texts using that form */
        Map<String, Integer> textsPerGroup = new HashMap<>();
        Map<String, Map<String, Integer>> shown = new HashMap<>();
        for (List<Word> words : wordsPerText) {
            Map<String, Set<String>> inThisText = new LinkedHashMap<>();
            for (Word word : words) {
                inThisText.computeIfAbsent(groups.of(word.normalised()), g -> new LinkedHashSet<>()).add(word.shown());
            }
            inThisText.forEach((group, forms) -> {
                textsPerGroup.merge(group, 1, Integer::sum);
                Map<String, Integer> counts = shown.computeIfAbsent(group, g -> new HashMap<>());
                forms.forEach(form -> counts.merge(form, 1, Integer::sum));
            });
        }
        List<WordCount> all = new ArrayList<>(textsPerGroup.size());
        textsPerGroup.forEach((group, count) -> all.add(new WordCount(mostUsed(shown.get(group)), count)));
        all.sort(Comparator.comparingInt(WordCount::count).reversed()
                .thenComparing(WordCount::word, this::compareWords));
        return List.copyOf(all.subList(0, Math.min(n, all.size())));
    }

    /**
     * The counted words of one text, each as its base form (lower case, æ/ø/å spellings
     * normalised) or, when the lexicon does not know it, as written (lower case, normalised). In
     * text order, repeats kept.
     */
    List<String> words(String text) {
        return read(text).stream().map(w -> w.lemma() != null ? w.lemma() : w.normalised()).toList();
    }

    /** The words of one text that count, in text order, repeats kept, with their base forms. */
    private List<Word> read(String text) {
        List<Word> words = new ArrayList<>();
        for (String raw : tokens(ADDRESSES.matcher(text).replaceAll(" "))) {
            Optional<Word> word = known.get(raw, this::word);
            word.ifPresent(words::add);
        }
        return words;
    }

    /** One token, lower case: the word it counts as, or empty when it is not counted. */
    private Optional<Word> word(String raw) {
        boolean hyphenated = raw.chars().anyMatch(c -> HYPHENS.indexOf(c) >= 0);
        if (raw.length() > MAX_WORD_LENGTH || raw.indexOf('.') >= 0 || raw.indexOf(':') >= 0) {
            return Optional.empty();
        }
        /* Stop words are checked before normalisation too, as in the search chain ("does" would become "døs"). */
        String normalised = normalise(raw);
        if (normalised.codePointCount(0, normalised.length()) < 2
                || normalised.codePoints().noneMatch(Character::isLetter)) {
            return Optional.empty();
        }
        if (!hyphenated && (isStop(raw) || isStop(normalised)
                || weights.isLight(new NorwegianAnalysis.Surface(normalised, 0, 0, raw)))) {
            return Optional.empty();
        }
        List<String> bases = baseForms(normalised, hyphenated);
        String lemma = choose(normalised, bases);
        return Optional.of(new Word(raw, normalised, bases, lemma, shownForm(raw, lemma)));
    }

    private static boolean isStop(String word) {
        return NorwegianAnalysis.STOP_WORDS.contains(word);
    }

    /**
     * The base forms from Norsk ordbank a word may be a form of; for a hyphenated word, its last
     * part's. Just the word when it is a base form itself ("barn", not also "bar" + n); stop words
     * only when there is nothing else ("varer": vare, not var). Empty when the lexicon knows none.
     */
    private static List<String> baseForms(String normalised, boolean hyphenated) {
        int cut = hyphenated ? normalised.lastIndexOf('-') + 1 : 0;
        String last = normalised.substring(cut);
        if (last.length() < 2 || last.chars().anyMatch(c -> !Character.isLetter(c))) {
            return List.of();
        }
        List<String> bases = NorwegianWords.bundled().baseForms(last);
        if (bases.contains(last)) {
            bases = List.of(last);
        } else if (bases.stream().anyMatch(b -> !isStop(b))) {
            bases = bases.stream().filter(b -> !isStop(b)).toList();
        }
        String prefix = normalised.substring(0, cut);
        return bases.stream().map(base -> prefix + base).toList();
    }

    /* Endings of nouns: a form that is a base form plus one of these reads as a noun. */
    private static final Set<String> NOUN_ENDINGS = Set.of("en", "et", "a", "e", "er", "ar", "ene", "ane", "ne",
            "erne", "arne");
    private static final Set<String> E_NOUN_ENDINGS = Set.of("n", "r", "ne", "rne");
    private static final Set<String> NYNORSK_E_NOUN_ENDINGS = Set.of("ar", "ane", "arne");

    /**
     * The base form a word is shown as, when the lexicon reads it more than one way ("skolen": skole
     * + n or skol + en; "barnet": barn + et or barne + t; "skular": skule, skul or skula). First a
     * reading as a noun, since answers mostly name things; then the word that forms more compounds
     * in the lexicon, a rough sign of the more common word ("skole…" 280 base forms, "skol…" 34
     * besides them; "post…" 127, "poste…" 11); then the longer. Null when there is no base form.
     */
    private static String choose(String normalised, List<String> bases) {
        if (bases.size() <= 1) {
            return bases.isEmpty() ? null : bases.get(0);
        }
        NorwegianWords lexicon = NorwegianWords.bundled();
        /* a hyphenated word is read by its last part: "e-posten" as "posten" */
        int cut = normalised.lastIndexOf('-') + 1;
        Comparator<String> best = Comparator.<String, Boolean>comparing(base -> readsAsNoun(normalised, base))
                .thenComparingInt(base -> lexicon.startingWith(base.substring(cut))
                        - (bases.contains(base + "e") ? lexicon.startingWith(base.substring(cut) + "e") : 0))
                .thenComparingInt(String::length)
                .thenComparing(Comparator.<String>reverseOrder());
        return bases.stream().max(best).orElseThrow();
    }

    private static boolean readsAsNoun(String form, String base) {
        if (form.startsWith(base)) {
            String ending = form.substring(base.length());
            return base.endsWith("e") ? E_NOUN_ENDINGS.contains(ending) : NOUN_ENDINGS.contains(ending);
        }
        /* skular = skul(e) + ar, the Nynorsk plural of an -e noun */
        String stem = base.substring(0, base.length() - 1);
        return base.endsWith("e") && form.startsWith(stem)
                && NYNORSK_E_NOUN_ENDINGS.contains(form.substring(stem.length()));
    }

    /**
     * How a word is shown: its base form, spelt as this answer spells it when the answer's spelling
     * folds to the base form ("raadhuset" → "raadhus"; "poenget" → "poeng"), else the base form;
     * without a base form the answer's own lower-cased spelling.
     */
    private static String shownForm(String raw, String lemma) {
        if (lemma == null) {
            return raw;
        }
        for (int end = 1; end <= raw.length(); end++) {
            String folded = normalise(raw.substring(0, end));
            if (folded.equals(lemma)) {
                /* "raa" folds to "rå": take the longest prefix that still folds to the base form. */
                while (end < raw.length() && normalise(raw.substring(0, end + 1)).equals(lemma)) {
                    end++;
                }
                return raw.substring(0, end);
            }
            if (folded.length() > lemma.length()) {
                break;
            }
        }
        /* "kommunar" → "kommune": the base form adds a letter the answer does not have. */
        if (lemma.endsWith("e")) {
            String stem = lemma.substring(0, lemma.length() - 1);
            for (int end = 1; end <= raw.length(); end++) {
                if (normalise(raw.substring(0, end)).equals(stem)) {
                    return raw.substring(0, end) + "e";
                }
            }
        }
        return lemma;
    }

    /**
     * Lucene's tokens, lower-cased, with the parts of hyphenated words joined again: the standard
     * tokenizer splits "e-post" into "e" and "post", which would lose the word.
     */
    private List<String> tokens(String text) {
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

    /** Lower-cased text with the æ/ø/å spellings folded as the search index folds them ("raadhus" → "rådhus"). */
    private static String normalise(String token) {
        char[] buffer = token.toCharArray();
        int length = NORMALIZER.processToken(buffer, buffer.length);
        return new String(buffer, 0, length);
    }

    /** The form most texts used; on a tie the shorter, then alphabetical. */
    private String mostUsed(Map<String, Integer> formCounts) {
        return formCounts.entrySet().stream()
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
     * A counted word of an answer.
     *
     * @param raw        as written, lower case
     * @param normalised lower case, æ/ø/å spellings normalised
     * @param baseForms  every base form in Norsk ordbank it may be a form of (normalised); empty when unknown
     * @param lemma      the one of them it is shown as, or null when the lexicon does not know it
     * @param shown      how it is shown: the base form spelt as written, or the written form
     */
    private record Word(String raw, String normalised, List<String> baseForms, String lemma, String shown) {
    }

    /**
     * Which written forms count as one word. A form with a base form in the lexicon belongs to that
     * base form. Other forms are grouped by stem ({@link NorwegianAnalysis#lightStem}), and joined
     * to another form that was written when they are that form plus an inflectional ending
     * ("e-posten" = "e-post" + "en"). Derivations ("åpenhet" from "åpen") are separate base forms.
     */
    private static final class Groups {

        private static final List<String> ENDINGS = List.of("a", "e", "en", "et", "er", "ene", "ar", "ane", "erne");

        /* Mark the keys that are base forms or stems; tokens never hold a NUL character. */
        private static final String LEMMA = "\0l";
        private static final String STEM = "\0s";

        /* surface form or group key -> parent in a union-find; each surface form starts under its base form or stem */
        private final Map<String, String> parent = new HashMap<>();
        private final Set<String> unknown = new HashSet<>();

        void add(Word word) {
            String surface = word.normalised();
            if (parent.containsKey(surface)) {
                return;
            }
            if (word.baseForms().isEmpty()) {
                unknown.add(surface);
                String key = STEM + NorwegianAnalysis.lightStem(surface);
                parent.putIfAbsent(key, key);
                parent.put(surface, key);
                return;
            }
            /* A form read two ways joins both base forms: "skolen" makes "skole" and "skol" one word. */
            String first = null;
            for (String base : word.baseForms()) {
                String key = LEMMA + base;
                parent.putIfAbsent(key, key);
                if (first == null) {
                    first = key;
                    parent.put(surface, key);
                } else {
                    union(first, key);
                }
            }
        }

        /* Only forms the lexicon does not know are joined by their endings: the lexicon knows better. */
        void joinInflections() {
            for (String surface : unknown.stream().sorted().toList()) {
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
