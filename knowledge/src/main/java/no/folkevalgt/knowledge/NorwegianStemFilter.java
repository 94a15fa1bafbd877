package no.folkevalgt.knowledge;

import java.io.IOException;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.no.NorwegianLightStemmer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;

/**
 * Norwegian stemming for Bokmål and Nynorsk, so that the forms of one word share a stem: the base form
 * from Norsk ordbank where the lexicon knows the word, then Lucene's light stemmer and a few fixes.
 *
 * <p>The light stemmer alone is not consistent across a word's forms: it cuts "plan" to "pla" but
 * "planen" to "plan", "fastsette" to "fastset" but "fastsetter" to "fastsett". Going through the base
 * form makes them meet. The fixes even out what is left for words the lexicon lacks:
 * "rådmann"/"rådmannen", "politiker"/"politikerne", "styrer"/"styrt", and a verbal noun and its verb
 * ("involvering"/"involvere", "ledelse"/"lede"). Runs on the index and the query alike.
 */
final class NorwegianStemFilter extends TokenFilter {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);

    NorwegianStemFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        if (!keyword.isKeyword()) {
            term.setLength(stem(term.buffer(), term.length()));
        }
        return true;
    }

    private static final NorwegianLightStemmer STEMMER =
            new NorwegianLightStemmer(NorwegianLightStemmer.BOKMAAL | NorwegianLightStemmer.NYNORSK);

    /**
     * Stems a lower-cased, normalised word in place; returns the new length. An inflected form is first
     * taken back to its base form in Norsk ordbank ({@link NorwegianWords#lemmaOf}), so that all forms of
     * one word meet whatever the light stemmer does with each ("plan"/"planen", "fastsette"/"fastsetter");
     * a word the lexicon lacks is stemmed as it is.
     */
    static int stem(char[] s, int len) {
        if (len > 2) {
            String lemma = NorwegianWords.bundled().lemmaOf(new String(s, 0, len));
            if (lemma != null && lemma.length() <= len) {
                lemma.getChars(0, lemma.length(), s, 0);
                len = lemma.length();
            }
        }
        return stemBaseForm(s, len);
    }

    /** Stems a word known to be a base form (or one the lexicon lacks) in place; returns the new length. */
    static int stemBaseForm(char[] s, int len) {
        return fix(s, verbalNoun(s, STEMMER.stem(s, len)));
    }

    /* A verbal noun and its verb share a stem: involvering/involvere, delegering/delegere,
       ledelse/lede, planlegging/planlegge. Short -ing words are left alone (ordning is not ord). */
    private static int verbalNoun(char[] s, int len) {
        if (len > 7 && s[len - 3] == 'i' && s[len - 2] == 'n' && s[len - 1] == 'g') {
            return len - 3;
        }
        if (len > 6 && s[len - 4] == 'e' && s[len - 3] == 'l' && s[len - 2] == 's' && s[len - 1] == 'e') {
            return len - 4;
        }
        return len;
    }

    /** One pass of the light stemmer and the fixes, in place; returns the new length. */
    static int lightStem(char[] s, int len) {
        return fix(s, STEMMER.stem(s, len));
    }

    /** Applies the fixes in place; returns the new length. */
    static int fix(char[] s, int len) {
        /* definite plural -erne: the light stemmer stops at -ern */
        if (len > 6 && s[len - 3] == 'e' && s[len - 2] == 'r' && s[len - 1] == 'n') {
            len -= 3;
        }
        /* present -er left over when the passive -es was stripped from a sibling form */
        if (len > 6 && s[len - 2] == 'e' && s[len - 1] == 'r') {
            len -= 2;
        }
        /* -ar left after the definite -et was stripped: ansvaret/ansvar (the stemmer cuts -ar from ansvar) */
        if (len > 5 && s[len - 2] == 'a' && s[len - 1] == 'r') {
            len -= 2;
        }
        /* weak past participle -lt/-rt/-gt: styrt, delt, valgt */
        if (len > 4 && s[len - 1] == 't' && (s[len - 2] == 'r' || s[len - 2] == 'l' || s[len - 2] == 'g')) {
            len -= 1;
        }
        /* a doubled final consonant: rådmann/rådman, tilskudd/tilskud */
        if (len > 3 && s[len - 1] == s[len - 2] && !isVowel(s[len - 1])) {
            len -= 1;
        }
        return len;
    }

    private static boolean isVowel(char c) {
        return "aeiouyæøåéèêóòôü".indexOf(c) >= 0;
    }
}
