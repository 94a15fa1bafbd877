package no.folkevalgt.knowledge;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.apache.lucene.analysis.miscellaneous.ScandinavianNormalizer;

/**
 * The words of Norwegian at large (Bokmål and Nynorsk), from Norsk ordbank's lemma lists (CC BY 4.0,
 * see {@code ordbank/README.md}), for telling a Norwegian word the material happens not to contain
 * from a typo. A word counts as Norwegian when its stem is the stem of a base form, so inflected forms
 * ("fagforeningene", "kjeftinga") are known too.
 *
 * <p>The base forms and their stems are kept sorted in byte arrays (about 5 MB for 185,000 base forms)
 * and looked up by binary search: far smaller than a hash set of strings, and loaded once per process.
 */
final class NorwegianWords {

    private static final String RESOURCE = "ordbank/lemma.txt.gz";
    /* The same foldings Lucene's NorwegianNormalizationFilter uses, so stems compare with the index's. */
    private static final ScandinavianNormalizer NORMALIZER = new ScandinavianNormalizer(EnumSet.of(
            ScandinavianNormalizer.Foldings.AE, ScandinavianNormalizer.Foldings.OE, ScandinavianNormalizer.Foldings.AA));

    /** Stems and base forms, for {@link #contains}. */
    private final Packed keys;
    /** Base forms only, for {@link #isCompound}. */
    private final Packed lemmas;

    private NorwegianWords(Packed keys, Packed lemmas) {
        this.keys = keys;
        this.lemmas = lemmas;
    }

    /** The bundled lexicon, read on first use. */
    static NorwegianWords bundled() {
        return Holder.BUNDLED;
    }

    private static final class Holder {
        static final NorwegianWords BUNDLED = load();
    }

    /** Whether a lower-cased, normalised surface form is a Norwegian word or an inflection of one. */
    boolean contains(String surface) {
        if (surface.isEmpty()) {
            return false;
        }
        return keys.contains(NorwegianAnalysis.stem(surface)) || keys.contains(surface);
    }

    /**
     * Whether a surface form is a compound of two Norwegian base forms ("skjenkebevilling",
     * "nabokommune", "beredskapsplanen"), each part at least four letters, a linking -s- or -e-
     * allowed, the last part possibly inflected. Specific terms are mostly compounds; everyday words
     * mostly are not.
     */
    boolean isCompound(String surface) {
        for (int cut = MIN_PART; cut <= surface.length() - MIN_PART; cut++) {
            if (!isLemmaOrInflected(surface.substring(cut))) {
                continue;
            }
            String modifier = surface.substring(0, cut);
            char last = modifier.charAt(modifier.length() - 1);
            if (lemmas.contains(modifier) || (last == 's' || last == 'e') && modifier.length() > MIN_PART
                    && lemmas.contains(modifier.substring(0, modifier.length() - 1))) {
                return true;
            }
        }
        return false;
    }

    private static final int MIN_PART = 4;

    /* Inflectional endings of Bokmål and Nynorsk nouns, verbs and adjectives, longest first. */
    private static final String[] INFLECTIONS = {"erne", "arne", "este", "ende", "ande", "ene", "ane", "ere", "est",
        "ast", "ar", "er", "en", "et", "te", "de", "ne", "a", "e", "r", "n", "t", "d"};
    private final com.github.benmanes.caffeine.cache.Cache<String, String> lemmaCache =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(200_000).build();

    /**
     * The base form of an inflected word ("planen" plan, "fastsetter" fastsette, "innbyggjarane"
     * innbyggjar, "kommunens" kommune), found by taking off an inflectional ending (and putting back a
     * final -e) until a base form of the lexicon remains; the word itself when it is a base form; null
     * when no base form is found. Lower-cased, normalised input.
     */
    String lemmaOf(String word) {
        String found = lemmaCache.get(word, w -> {
            String lemma = findLemma(w);
            if (lemma == null && w.length() > 4 && w.endsWith("s")) {
                lemma = findLemma(w.substring(0, w.length() - 1));
            }
            return lemma == null ? "" : lemma;
        });
        return found.isEmpty() ? null : found;
    }

    private String findLemma(String word) {
        if (lemmas.contains(word)) {
            return word;
        }
        for (String ending : INFLECTIONS) {
            int base = word.length() - ending.length();
            if (base < 2 || !word.endsWith(ending)) {
                continue;
            }
            String stripped = word.substring(0, base);
            if (lemmas.contains(stripped)) {
                return stripped;
            }
            if (!ending.equals("e") && lemmas.contains(stripped + "e")) {
                return stripped + "e";
            }
        }
        return null;
    }
    private static final String[] ENDINGS = {"ene", "ane", "en", "et", "er", "ar", "a", "e", "ne", "s"};

    /**
     * Every base form of the lexicon that a word may be a form of, for counting the words of answers
     * ({@link WordCounter}): the word itself when it is a base form, and each base form left after
     * taking off an inflectional ending, with a final -e put back ("skoler": skole, skol), a doubled
     * final consonant made single ("ungdommen": ungdom) or a genitive -s taken off first
     * ("kommunens": kommune). A base form is 3 letters or more. Unlike {@link #lemmaOf}, which takes
     * the first one found (as the index is built), this leaves the choice to the caller. Lower-cased,
     * normalised input; empty when the lexicon knows none.
     */
    List<String> baseForms(String word) {
        java.util.LinkedHashSet<String> found = new java.util.LinkedHashSet<>();
        collectBaseForms(word, found);
        if (word.length() > 4 && word.endsWith("s")) {
            collectBaseForms(word.substring(0, word.length() - 1), found);
        }
        return List.copyOf(found);
    }

    private void collectBaseForms(String word, java.util.Set<String> found) {
        if (lemmas.contains(word)) {
            found.add(word);
        }
        for (String ending : INFLECTIONS) {
            int base = word.length() - ending.length();
            if (base < 3 || !word.endsWith(ending)) {
                continue;
            }
            String stripped = word.substring(0, base);
            if (lemmas.contains(stripped)) {
                found.add(stripped);
            }
            if (!ending.equals("e") && lemmas.contains(stripped + "e")) {
                found.add(stripped + "e");
            }
            /* the neuter -t of an adjective on a doubled consonant: trygt from trygg */
            if (ending.equals("t") && "aeiouyæøå".indexOf(stripped.charAt(base - 1)) < 0
                    && lemmas.contains(stripped + stripped.charAt(base - 1))) {
                found.add(stripped + stripped.charAt(base - 1));
            }
            if (base > 3 && stripped.charAt(base - 1) == stripped.charAt(base - 2)
                    && "aeiouyæøå".indexOf(stripped.charAt(base - 1)) < 0
                    && lemmas.contains(stripped.substring(0, base - 1))) {
                found.add(stripped.substring(0, base - 1));
            }
        }
    }

    private boolean isLemmaOrInflected(String word) {
        if (lemmas.contains(word)) {
            return true;
        }
        for (String ending : ENDINGS) {
            if (word.endsWith(ending) && word.length() - ending.length() >= MIN_PART
                    && lemmas.contains(word.substring(0, word.length() - ending.length()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * How many base forms start with a prefix (the prefix itself included): how productive a word
     * is in compounds, a rough sign of how common it is ("skole…" 280, "skol…" 34 besides them).
     */
    int startingWith(String prefix) {
        return lemmas.countStartingWith(prefix);
    }

    /** How many distinct base forms the lexicon holds. */
    int size() {
        return lemmas.size();
    }

    private static NorwegianWords load() {
        List<String> stems = new ArrayList<>(400_000);
        List<String> lemmas = new ArrayList<>(200_000);
        try (InputStream raw = NorwegianWords.class.getResourceAsStream(RESOURCE)) {
            if (raw == null) {
                throw new IllegalStateException("bundled resource missing: " + RESOURCE);
            }
            BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw, 1 << 16),
                    StandardCharsets.UTF_8), 1 << 16);
            char[] buffer = new char[64];
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isEmpty() || line.length() > buffer.length) {
                    continue;
                }
                line.getChars(0, line.length(), buffer, 0);
                int length = NORMALIZER.processToken(buffer, line.length());
                String normalised = new String(buffer, 0, length);
                lemmas.add(normalised);
                stems.add(normalised);
                int stem = NorwegianStemFilter.stemBaseForm(buffer, length);
                stems.add(new String(buffer, 0, stem));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + RESOURCE, e);
        }
        return new NorwegianWords(Packed.of(stems), Packed.of(lemmas));
    }

    /** Distinct strings, sorted and packed into one byte array, looked up by binary search. */
    private record Packed(byte[] bytes, int[] starts) {

        static Packed of(List<String> words) {
            byte[][] encoded = new byte[words.size()][];
            for (int i = 0; i < encoded.length; i++) {
                encoded[i] = words.get(i).getBytes(StandardCharsets.UTF_8);
            }
            Arrays.sort(encoded, Arrays::compareUnsigned);
            int total = 0;
            int distinct = 0;
            for (int i = 0; i < encoded.length; i++) {
                if (i == 0 || !Arrays.equals(encoded[i], encoded[i - 1])) {
                    total += encoded[i].length;
                    distinct++;
                }
            }
            byte[] bytes = new byte[total];
            int[] starts = new int[distinct + 1];
            int at = 0;
            int n = 0;
            for (int i = 0; i < encoded.length; i++) {
                if (i == 0 || !Arrays.equals(encoded[i], encoded[i - 1])) {
                    starts[n++] = at;
                    System.arraycopy(encoded[i], 0, bytes, at, encoded[i].length);
                    at += encoded[i].length;
                }
            }
            starts[distinct] = at;
            return new Packed(bytes, starts);
        }

        int size() {
            return starts.length - 1;
        }

        int countStartingWith(String prefix) {
            byte[] p = prefix.getBytes(StandardCharsets.UTF_8);
            if (p.length == 0) {
                return size();
            }
            byte[] next = p.clone();
            next[next.length - 1]++; /* UTF-8 never holds 0xFF, so this does not overflow */
            return lowerBound(next) - lowerBound(p);
        }

        /** The index of the first key not smaller than {@code k}. */
        private int lowerBound(byte[] k) {
            int lo = 0;
            int hi = size();
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (Arrays.compareUnsigned(bytes, starts[mid], starts[mid + 1], k, 0, k.length) < 0) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }

        boolean contains(String key) {
            byte[] k = key.getBytes(StandardCharsets.UTF_8);
            int lo = 0;
            int hi = size() - 1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                int c = Arrays.compareUnsigned(bytes, starts[mid], starts[mid + 1], k, 0, k.length);
                if (c < 0) {
                    lo = mid + 1;
                } else if (c > 0) {
                    hi = mid - 1;
                } else {
                    return true;
                }
            }
            return false;
        }
    }
}
