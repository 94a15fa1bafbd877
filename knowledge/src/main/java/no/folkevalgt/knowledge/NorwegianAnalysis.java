package no.folkevalgt.knowledge;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import no.folkevalgt.core.text.StopWords;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.miscellaneous.RemoveDuplicatesTokenFilter;
import org.apache.lucene.analysis.no.NorwegianAnalyzer;
import org.apache.lucene.analysis.no.NorwegianNormalizationFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * The analysis chains for Bokmål and Nynorsk.
 *
 * <p>{@link #stemming} is used for the searchable fields on both the index and the query side:
 * lower case, æ/ø/å normalisation, compound splitting against the corpus's own vocabulary, Norwegian
 * stop words (Bokmål and Nynorsk), stemming for both written standards ({@link NorwegianStemFilter}). {@link #exact} keeps
 * surface forms (lower-cased and normalised only): it feeds spelling correction and compound joining.
 */
final class NorwegianAnalysis {

    /** Snowball's Norwegian list plus our question fillers and Nynorsk function words (stoppord*.txt). */
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
                stream = new NorwegianStemFilter(stream);
                stream = new RemoveDuplicatesTokenFilter(stream);
                return new TokenStreamComponents(source, stream);
            }

            /* A field with several values (the question bank) keeps a phrase from spanning two of them. */
            @Override
            public int getPositionIncrementGap(String fieldName) {
                return 100;
            }
        };
    }

    /**
     * The chain for a question's words: as {@link #stemming}, but a stop word is kept and marked
     * ({@link Token#stop()}) instead of dropped, so that a phrase of the synonym files that holds one
     * ("ta med", "være med på", "gi beskjed om") can be matched before the stop words go.
     */
    static Analyzer question(CompoundSplitFilter.Dictionary dictionary) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream stream = new StopMarkFilter(new LowerCaseFilter(source));
                stream = new NorwegianNormalizationFilter(stream);
                stream = new CompoundSplitFilter(stream, dictionary);
                stream = new NorwegianStemFilter(stream);
                stream = new RemoveDuplicatesTokenFilter(stream);
                return new TokenStreamComponents(source, stream);
            }
        };
    }

    /** Marks stop words as keywords of type {@value #STOP} (not stemmed, not split) rather than dropping them. */
    private static final class StopMarkFilter extends TokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);
        private final TypeAttribute type = addAttribute(TypeAttribute.class);

        StopMarkFilter(TokenStream input) {
            super(input);
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (!input.incrementToken()) {
                return false;
            }
            if (STOP_WORDS.contains(term.buffer(), 0, term.length())) {
                keyword.setKeyword(true);
                type.setType(STOP);
            }
            return true;
        }
    }

    /** The token type {@link #question} gives a stop word. */
    static final String STOP = "stop";

    /** Stems one surface form the way {@link #stemming} does (without compound splitting or stop words). */
    static String stem(String surface) {
        char[] buffer = surface.toCharArray();
        int length = NorwegianStemFilter.stem(buffer, buffer.length);
        return new String(buffer, 0, length);
    }

    /**
     * One pass of the light stemmer and the fixes: gentler than {@link #stem}, for grouping the words of
     * a word cloud, where a derivation ("åpenhet") should stay apart from its base word ("åpen").
     */
    static String lightStem(String surface) {
        char[] buffer = surface.toCharArray();
        int length = NorwegianStemFilter.lightStem(buffer, buffer.length);
        return new String(buffer, 0, length);
    }

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
            TypeAttribute type = stream.addAttribute(TypeAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(new Token(term.toString(), increment.getPositionIncrement() == 0 && !tokens.isEmpty(),
                        STOP.equals(type.type())));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysis of an in-memory string failed", e);
        }
        return tokens;
    }

    /**
     * The words of a text as {@link #exact} reads them (lower-cased, æ/ø/å-normalised), each with its
     * place in the text and its raw lower-cased spelling (stop words are matched on that spelling).
     */
    static List<Surface> surfaces(String text) {
        List<Surface> words = new ArrayList<>();
        try (TokenStream stream = EXACT.tokenStream(LuceneKnowledgeBase.EXACT, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                words.add(new Surface(term.toString(), offset.startOffset(), offset.endOffset(),
                        text.substring(offset.startOffset(), offset.endOffset()).toLowerCase(Locale.ROOT)));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysis of an in-memory string failed", e);
        }
        return words;
    }

    /**
     * A word of a text.
     *
     * @param text  lower-cased and normalised
     * @param start where it starts in the text
     * @param end   where it ends
     * @param raw   as written, lower-cased
     */
    record Surface(String text, int start, int end, String raw) {

        /* Stop words are matched before the æ/ø/å normalisation too (English "does" would read "døs"). */
        boolean isStop() {
            return STOP_WORDS.contains(text) || STOP_WORDS.contains(raw);
        }
    }

    private static final Analyzer EXACT = exact();

    /** Only the terms of {@link #tokens}. */
    static List<String> terms(Analyzer analyzer, String field, String text) {
        return tokens(analyzer, field, text).stream().map(Token::term).toList();
    }

    /**
     * A token from an analysis chain.
     *
     * @param stacked a compound's part, at the same position as the whole word before it
     * @param stop    a stop word kept by {@link #question}
     */
    record Token(String term, boolean stacked, boolean stop) {
    }

    /** A checksum of the bundled word lists that decide how the index is analysed (base forms, stop words). */
    static String resourcesChecksum() {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        /* The same bytes as before the stop lists moved to the core, so an index built then stays valid. */
        Map<String, Class<?>> resources = new LinkedHashMap<>();
        resources.put("ordbank/lemma.txt.gz", NorwegianAnalysis.class);
        resources.put("stoppord.txt", StopWords.class);
        resources.put("stoppord-nynorsk.txt", StopWords.class);
        for (Map.Entry<String, Class<?>> owned : resources.entrySet()) {
            String resource = owned.getKey();
            try (InputStream in = owned.getValue().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("bundled resource missing: " + resource);
                }
                crc.update(in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Long.toHexString(crc.getValue());
    }

    private static CharArraySet stopWords() {
        /* The core's list: Snowball's (NorwegianAnalyzer's default) and the project's own. */
        return CharArraySet.unmodifiableSet(new CharArraySet(StopWords.all(), false));
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
