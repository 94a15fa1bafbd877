package no.folkevalgt.knowledge;

import java.io.IOException;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;

/**
 * Evens out what Lucene's Norwegian light stemmer leaves inconsistent, so that the forms of one word
 * share a stem: "rådmann"/"rådmannen" (rådman/rådmann), "politiker"/"politikerne" (politik/politikern),
 * "diskuterer"/"diskuteres" (diskuter/diskut), "styrer"/"styrt" (styr/styrt).
 * Runs after the light stemmer, on the index and the query alike.
 */
final class StemFixFilter extends TokenFilter {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);

    StemFixFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        if (!keyword.isKeyword()) {
            term.setLength(fix(term.buffer(), term.length()));
        }
        return true;
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
