package no.folkevalgt.core.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The words that carry no meaning in a question, in both written standards: Snowball's Norwegian stop
 * list (the one Lucene's NorwegianAnalyzer uses, BSD licence, in {@code stoppord-snowball.txt}) and
 * the project's own lists of function words, pronouns and question fillers ({@code stoppord.txt},
 * {@code stoppord-nynorsk.txt}). The search drops exactly these (the knowledge module builds its
 * analyser's stop set from {@link #all()}), and the dialogue counts a message's own words without them.
 */
public final class StopWords {

    private static final Set<String> ALL = load();

    private StopWords() {
    }

    /** Every stop word, lower-case. */
    public static Set<String> all() {
        return ALL;
    }

    /** Whether {@code word} (any case) is a stop word. */
    public static boolean contains(String word) {
        return ALL.contains(word.toLowerCase(Locale.ROOT));
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>();
        /* Snowball's format: '|' starts a comment; a line may hold several words. */
        for (String line : lines("stoppord-snowball.txt")) {
            int bar = line.indexOf('|');
            for (String word : (bar >= 0 ? line.substring(0, bar) : line).strip().split("\\s+")) {
                if (!word.isEmpty()) {
                    words.add(word);
                }
            }
        }
        /* The project's lists: one entry per line, '#' starts a comment. */
        for (String resource : List.of("stoppord.txt", "stoppord-nynorsk.txt")) {
            for (String line : lines(resource)) {
                int hash = line.indexOf('#');
                String word = (hash >= 0 ? line.substring(0, hash) : line).strip();
                if (!word.isEmpty()) {
                    words.add(word);
                }
            }
        }
        return Set.copyOf(words);
    }

    private static List<String> lines(String resource) {
        try (InputStream in = StopWords.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("bundled resource missing: " + resource);
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
