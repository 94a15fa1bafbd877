package no.folkevalgt.knowledge;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;

import java.io.IOException;
import java.io.UncheckedIOException;
import no.folkevalgt.core.text.EditDistance;

/**
 * Rewrites the words of a question that the material does not know: a compound typed as two words
 * ("delegerings reglementet"), a Nynorsk form the lexicon lacks ("kommuna"), a typo ("rådmanen").
 * Known words are never touched, so a correct question is searched as typed, and a word of Norwegian
 * at large ({@link NorwegianWords}) is never "corrected" into a different word of the material.
 */
final class QueryRewriter {

    /* Nynorsk endings and spellings with a regular Bokmål counterpart; a candidate is used only if the
       material knows it. */
    private static final String[][] NYNORSK_SUFFIXES = {
        {"jarane", "erne"}, {"jarar", "ere"}, {"jaren", "eren"}, {"jar", "er"}, {"arane", "erne"}, {"arar", "ere"}, {"aren", "eren"}, {"ar", "er"}, {"ane", "ene"},
        {"inga", "ingen"}, {"jing", "ting"}, {"a", "en"}, {"a", "et"}, {"a", "ene"}, {"e", ""}, {"t", "d"},
    };
    private static final String[][] NYNORSK_INFIXES = {{"ei", "e"}, {"øy", "ø"}, {"gje", "gi"}, {"kj", "k"}};

    private final Vocabulary vocabulary;
    private final Synonyms synonyms;
    private final IndexReader reader;
    private final NorwegianWords lexicon = NorwegianWords.bundled();
    /* One checker per edit budget: asking for two edits and discarding them costs a quarter more. */
    private final DirectSpellChecker oneEdit = checker(1);
    private final DirectSpellChecker twoEdits = checker(2);
    /* Corrections per word for this index generation: the spelling search is the costliest step. */
    private final Cache<String, Optional<String>> corrections = Caffeine.newBuilder().maximumSize(10_000).build();

    QueryRewriter(Vocabulary vocabulary, Synonyms synonyms, IndexReader reader) {
        this.vocabulary = vocabulary;
        this.synonyms = synonyms;
        this.reader = reader;
    }

    private static DirectSpellChecker checker(int maxEdits) {
        DirectSpellChecker checker = new DirectSpellChecker();
        checker.setMaxEdits(maxEdits);
        checker.setMinPrefix(1);
        checker.setMinQueryLength(5);
        checker.setAccuracy(0.6f);
        return checker;
    }

    /** The question with unknown words replaced; the same string when nothing was changed. */
    String rewrite(String question) {
        List<NorwegianAnalysis.Surface> words = NorwegianAnalysis.surfaces(question);
        StringBuilder out = new StringBuilder();
        int copied = 0;
        for (int i = 0; i < words.size(); i++) {
            NorwegianAnalysis.Surface word = words.get(i);
            String replacement = null;
            int consumed = 1;
            if (i + 1 < words.size() && onlySpaceBetween(question, word, words.get(i + 1))) {
                String joined = word.text() + words.get(i + 1).text();
                if (!isStop(word) && vocabulary.surfaces().contains(joined)) {
                    replacement = joined;
                    consumed = 2;
                }
            }
            if (replacement == null && !isStop(word) && !isKnown(word.text())) {
                replacement = correct(word.text());
            }
            if (replacement != null) {
                NorwegianAnalysis.Surface last = words.get(i + consumed - 1);
                out.append(question, copied, word.start()).append(replacement);
                copied = last.end();
                i += consumed - 1;
            }
        }
        out.append(question.substring(copied));
        return out.toString();
    }

    private static boolean onlySpaceBetween(String text, NorwegianAnalysis.Surface a, NorwegianAnalysis.Surface b) {
        return text.substring(a.end(), b.start()).isBlank();
    }

    private boolean isStop(String word) {
        return NorwegianAnalysis.STOP_WORDS.contains(word);
    }

    private static boolean isStop(NorwegianAnalysis.Surface word) {
        return word.isStop();
    }

    /** Known to the material, the synonym lists or the stop words, or a number. */
    boolean isKnown(String word) {
        if (word.length() < 3 || isStop(word) || word.chars().anyMatch(Character::isDigit)) {
            return true;
        }
        return knowsExactly(word) || !CompoundSplitFilter.split(word, vocabulary.dictionary(), false).isEmpty();
    }

    private boolean knowsExactly(String word) {
        String stem = NorwegianAnalysis.stem(word);
        return vocabulary.surfaces().contains(word) || vocabulary.stems().contains(stem) || synonyms.has(stem);
    }

    private String correct(String word) {
        return corrections.get(word, w -> Optional.ofNullable(findCorrection(w))).orElse(null);
    }

    private String findCorrection(String word) {
        for (String[] rule : NYNORSK_SUFFIXES) {
            if (word.endsWith(rule[0]) && word.length() > rule[0].length() + 2) {
                String candidate = word.substring(0, word.length() - rule[0].length()) + rule[1];
                if (knowsExactly(candidate)) {
                    return candidate;
                }
            }
        }
        for (String[] rule : NYNORSK_INFIXES) {
            if (word.contains(rule[0])) {
                String candidate = word.replace(rule[0], rule[1]);
                if (knowsExactly(candidate)) {
                    return candidate;
                }
            }
        }
        /* A Norwegian word the material happens not to contain is what the member meant: correcting it
           into a word of the material would answer another question. Only a non-word is a typo. */
        if (lexicon.contains(word)) {
            return null;
        }
        return spell(word);
    }

    /** Nearest known word within the edits a word of this length allows, or null. */
    private String spell(String word) {
        int allowed = word.length() < 5 ? 0 : word.length() < 8 ? 1 : 2;
        if (allowed == 0) {
            return null;
        }
        String best = null;
        int bestDistance = allowed + 1;
        int bestFrequency = -1;
        try {
            DirectSpellChecker spellChecker = allowed == 1 ? oneEdit : twoEdits;
            for (SuggestWord suggestion : spellChecker.suggestSimilar(
                    new Term(LuceneKnowledgeBase.EXACT, word), 5, reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX)) {
                int distance = EditDistance.of(word, suggestion.string);
                if (distance < bestDistance || distance == bestDistance && suggestion.freq > bestFrequency) {
                    best = suggestion.string;
                    bestDistance = distance;
                    bestFrequency = suggestion.freq;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String candidate : synonyms.surfaces()) {
            if (Math.abs(candidate.length() - word.length()) <= allowed) {
                int distance = EditDistance.of(word, candidate);
                if (distance < bestDistance) {
                    best = candidate;
                    bestDistance = distance;
                }
            }
        }
        return bestDistance <= allowed ? best : null;
    }

    /** What the material knows, read once per index generation. */
    record Vocabulary(Set<String> surfaces, Set<String> stems, CompoundSplitFilter.Dictionary dictionary) {
    }
}
