package no.folkevalgt.knowledge;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.miscellaneous.RemoveDuplicatesTokenFilter;
import org.apache.lucene.analysis.no.NorwegianAnalyzer;
import org.apache.lucene.analysis.no.NorwegianLightStemFilter;
import org.apache.lucene.analysis.no.NorwegianLightStemmer;
import org.apache.lucene.analysis.no.NorwegianNormalizationFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * The analysis chains for Bokmål and Nynorsk.
 *
 * <p>{@link #stemming} is used for the searchable fields on both the index and the query side:
 * lower case, æ/ø/å normalisation, compound splitting against the corpus's own vocabulary, Norwegian
 * stop words (Bokmål and Nynorsk), light stemming for both written standards. {@link #exact} keeps
 * surface forms (lower-cased and normalised only): it feeds spelling correction and compound joining.
 */
final class NorwegianAnalysis {

    /** Both written standards: the light stemmer strips Bokmål and Nynorsk endings alike. */
    private static final int STEM_FLAGS = NorwegianLightStemmer.BOKMAAL | NorwegianLightStemmer.NYNORSK;

    /** Snowball's Norwegian list (which already carries the Nynorsk function words) plus our question fillers. */
    static final CharArraySet STOP_WORDS = stopWords();

    private NorwegianAnalysis() {
    }

    /** Surface forms: tokenise, lower-case, normalise æ/ø/å spellings. No stop words removed, no stemming. */
    static Analyzer exact() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream stream = new NorwegianNormalizationFilter(new LowerCaseFilter(source));
                return new TokenStreamComponents(source, stream);
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return new NorwegianNormalizationFilter(new LowerCaseFilter(in));
            }
        };
    }

    /**
     * The search chain.
     *
     * @param dictionary surface forms known to the corpus; compounds are split into parts found here
     */
    static Analyzer stemming(CompoundSplitFilter.Dictionary dictionary) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                /* Stop words go before the æ/ø/å normalisation, which would turn English "does" into "døs". */
                TokenStream stream = new StopFilter(new LowerCaseFilter(source), STOP_WORDS);
                stream = new NorwegianNormalizationFilter(stream);
                stream = new CompoundSplitFilter(stream, dictionary);
                stream = new NorwegianLightStemFilter(stream, STEM_FLAGS);
                stream = new StemFixFilter(stream);
                stream = new RemoveDuplicatesTokenFilter(stream);
                return new TokenStreamComponents(source, stream);
            }
        };
    }

    /** Stems one surface form the way {@link #stemming} does (without compound splitting or stop words). */
    static String stem(String surface) {
        char[] buffer = surface.toCharArray();
        int length = StemFixFilter.fix(buffer, STEMMER.stem(buffer, buffer.length));
        return new String(buffer, 0, length);
    }

    private static final NorwegianLightStemmer STEMMER = new NorwegianLightStemmer(STEM_FLAGS);

    /**
     * Runs an analyzer over a text.
     *
     * @return one entry per token; {@link Token#stacked()} marks compound parts sharing the previous position
     */
    static List<Token> tokens(Analyzer analyzer, String field, String text) {
        List<Token> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(new Token(term.toString(), increment.getPositionIncrement() == 0 && !tokens.isEmpty()));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysis of an in-memory string failed", e);
        }
        return tokens;
    }

    /** Only the terms of {@link #tokens}. */
    static List<String> terms(Analyzer analyzer, String field, String text) {
        return tokens(analyzer, field, text).stream().map(Token::term).toList();
    }

    /** A token from an analysis chain. */
    record Token(String term, boolean stacked) {
    }

    private static CharArraySet stopWords() {
        CharArraySet set = new CharArraySet(NorwegianAnalyzer.getDefaultStopSet(), false);
        set.addAll(readWordList("stoppord.txt"));
        return CharArraySet.unmodifiableSet(set);
    }

    /** Reads a bundled word list: one entry per line, '#' starts a comment. */
    static List<String> readWordList(String resource) {
        List<String> words = new ArrayList<>();
        try (InputStream in = NorwegianAnalysis.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("bundled resource missing: " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                int hash = line.indexOf('#');
                String word = (hash >= 0 ? line.substring(0, hash) : line).strip();
                if (!word.isEmpty()) {
                    words.add(word);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }
}
