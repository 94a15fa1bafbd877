package no.folkevalgt.knowledge;

import java.io.IOException;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.no.NorwegianLightStemmer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;

/**
 * Norwegian stemming for Bokmål and Nynorsk: Lucene's light stemmer, applied until the word stops
 * changing, then a few fixes, so that the forms of one word share a stem.
 *
 * <p>One pass of the light stemmer is not consistent across a word's forms: it cuts "plan" to "pla"
 * but "planen" to "plan", "delegasjon" to "delegasjo" but "delegasjonen" to "delegasjon". Stemming
 * to a fixed point makes both forms meet. The fixes even out what is left: "rådmann"/"rådmannen",
 * "politiker"/"politikerne", "styrer"/"styrt", a verbal noun and its verb ("involvering"/"involvere").
 * Runs on the index and the query alike.
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
    private static final int MAX_PASSES = 4;

    /** Stems a lower-cased, normalised word in place; returns the new length. */
    static int stem(char[] s, int len) {
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            int shorter = STEMMER.stem(s, len);
            if (shorter == len) {
                break;
            }
            len = shorter;
        }
        return fix(s, len);
    }

    /** One pass of the light stemmer and the fixes, in place; returns the new length. */
    static int lightStem(char[] s, int len) {
        return fix(s, STEMMER.stem(s, len));
    }

    /** Applies the fixes in place; returns the new length. */
    static int fix(char[] s, int len) {
        /* a verbal noun and its verb share a stem: involvering/involvere, delegering/delegere,
           ansettelse/ansette, ledelse/lede, planlegging/planlegge */
        if (len > 6 && s[len - 3] == 'i' && s[len - 2] == 'n' && s[len - 1] == 'g') {
            len -= 3;
        } else if (len > 6 && s[len - 4] == 'e' && s[len - 3] == 'l' && s[len - 2] == 's' && s[len - 1] == 'e') {
            len -= 4;
        }
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
