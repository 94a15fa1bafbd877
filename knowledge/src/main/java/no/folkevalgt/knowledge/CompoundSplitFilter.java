package no.folkevalgt.knowledge;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Splits Norwegian compounds into their parts, keeping the whole word too.
 *
 * <p>"arbeidsgiveransvaret" is emitted as itself and, at the same position, "arbeidsgiver" and
 * "ansvaret"; "delegeringsreglementet" as "delegering" and "reglementet". A split is taken only when
 * both parts are words of the corpus's own vocabulary (after dropping a linking -s- or -e- from the
 * first part), so the filter learns its compounds from the material rather than from a fixed list.
 * Lucene's DictionaryCompoundWordTokenFilter matches any dictionary substring, which for Norwegian
 * yields many false parts ("lede" in "ledelse"); requiring a full two-part cover avoids that.
 */
final class CompoundSplitFilter extends TokenFilter {

    static final int MIN_PART = 4;
    private static final int MIN_WORD = 2 * MIN_PART;
    private static final int MAX_DEPTH = 3;
    /** Shortest unknown head accepted after a known first part. */
    private static final int UNKNOWN_HEAD = 5;

    private final Dictionary dictionary;
    private final CharTermAttribute termAttribute = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute incrementAttribute = addAttribute(PositionIncrementAttribute.class);
    private final Deque<String> pending = new ArrayDeque<>();
    private State current;

    CompoundSplitFilter(TokenStream input, Dictionary dictionary) {
        super(input);
        this.dictionary = dictionary;
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!pending.isEmpty()) {
            restoreState(current);
            termAttribute.setEmpty().append(pending.removeFirst());
            incrementAttribute.setPositionIncrement(0);
            return true;
        }
        if (!input.incrementToken()) {
            return false;
        }
        if (!dictionary.words().isEmpty() && termAttribute.length() >= MIN_WORD) {
            List<String> parts = split(termAttribute.toString(), dictionary, true);
            if (!parts.isEmpty()) {
                pending.addAll(parts);
                current = captureState();
            }
        }
        return true;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        pending.clear();
        current = null;
    }

    /**
     * The parts of a compound, or an empty list when it does not split into known words.
     *
     * @param guessHead also split a known first word off an unknown rest of at least five letters
     */
    static List<String> split(String word, Dictionary dictionary, boolean guessHead) {
        List<String> parts = new ArrayList<>();
        split(word, dictionary, guessHead, parts, 0);
        return parts;
    }

    private static boolean split(String word, Dictionary dictionary, boolean guessHead, List<String> parts, int depth) {
        if (depth >= MAX_DEPTH || word.length() < MIN_WORD) {
            return false;
        }
        /* Prefer the longest known head (right part): Norwegian compounds are right-headed. */
        for (int cut = MIN_PART; cut <= word.length() - MIN_PART; cut++) {
            String head = word.substring(cut);
            if (!known(head, dictionary.words())) {
                continue;
            }
            String modifier = modifier(word.substring(0, cut), dictionary.words());
            if (modifier != null) {
                add(parts, modifier, head, dictionary, guessHead, depth);
                return true;
            }
        }
        if (!guessHead) {
            return false;
        }
        /* A first part that is a word of the material and a long unknown rest ("rollemodell" = rolle +
           modell). Only whole words count here: a stem such as "innbyg" would cut "innbyggerne" wrongly. */
        for (int cut = word.length() - UNKNOWN_HEAD; cut >= MIN_PART + 1; cut--) {
            String modifier = modifier(word.substring(0, cut), dictionary.surfaces());
            if (modifier != null && modifier.length() >= MIN_PART + 1) {
                add(parts, modifier, word.substring(cut), dictionary, guessHead, depth);
                return true;
            }
        }
        return false;
    }

    private static void add(List<String> parts, String modifier, String head, Dictionary dictionary,
            boolean guessHead, int depth) {
        parts.add(modifier);
        split(modifier, dictionary, guessHead, parts, depth + 1);
        parts.add(head);
        split(head, dictionary, guessHead, parts, depth + 1);
    }

    private static boolean known(String word, Set<String> words) {
        return words.contains(word) || words.contains(NorwegianAnalysis.stem(word));
    }

    /**
     * Words a compound may be split into.
     *
     * @param words    surface forms of the material and their stems
     * @param surfaces only the surface forms
     */
    record Dictionary(Set<String> words, Set<String> surfaces) {
        static final Dictionary EMPTY = new Dictionary(Set.of(), Set.of());
    }

    /** The first part as a dictionary word, with a linking -s- or -e- dropped if needed; null if unknown. */
    private static String modifier(String left, Set<String> dictionary) {
        if (dictionary.contains(left)) {
            return left;
        }
        char last = left.charAt(left.length() - 1);
        if ((last == 's' || last == 'e') && left.length() > MIN_PART) {
            String stripped = left.substring(0, left.length() - 1);
            if (dictionary.contains(stripped)) {
                return stripped;
            }
        }
        return null;
    }
}
