package no.folkevalgt.knowledge;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;


/**
 * Synonym rules over stemmed words, in Solr's synonym file format.
 *
 * <pre>
 * # equivalent words: each finds the others
 * rådmann, kommunedirektør
 * # one-way: the left side is read as the right side
 * arbeidsgjevar =&gt; arbeidsgiver
 * </pre>
 *
 * <p>Entries are lower-cased, normalised and stemmed like the index, so one entry covers all
 * inflections ("rådmannen", "rådmannens"). An entry may have several words ("folkevalgt organ").
 * The file is read with exact error messages: a line that cannot be used is reported with its number.
 */
final class Synonyms {

    static final Synonyms NONE = new Synonyms(Map.of(), 0, Set.of());

    /** Key: the stems of a left-hand side joined by a space. Value: what it expands to, itself included. */
    private final Map<String, List<List<String>>> rules;
    private final int longestKey;
    private final Set<String> surfaces;

    private Synonyms(Map<String, List<List<String>>> rules, int longestKey, Set<String> surfaces) {
        this.rules = rules;
        this.longestKey = longestKey;
        this.surfaces = surfaces;
    }

    /**
     * Reads rules; later files add to earlier ones.
     *
     * <p>Words are stemmed like the index; stop words are kept as written, so a phrase that holds one
     * ("ta med", "gi beskjed om") is matched against the question's words with their stop words. A
     * phrase of two or more content words is also matched without its stop words ("lederen på
     * rådhuset" finds "lederen i rådhuset"). What a rule expands to is always without stop words,
     * since the index has none.
     */
    static Synonyms parse(List<NamedReader> files) throws IOException {
        Map<String, Set<List<String>>> rules = new HashMap<>();
        Set<String> surfaces = new LinkedHashSet<>();
        for (NamedReader file : files) {
            BufferedReader reader = new BufferedReader(file.reader());
            int number = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                int hash = line.indexOf('#');
                String rule = (hash >= 0 ? line.substring(0, hash) : line).strip();
                if (rule.isEmpty()) {
                    continue;
                }
                String where = file.name() + " linje " + number;
                String[] sides = rule.split("=>", -1);
                if (sides.length > 2) {
                    throw new IllegalArgumentException(where + ": mer enn én «=>» i «" + rule + "»");
                }
                List<Entry> left = entries(sides[0], where, surfaces);
                List<Entry> right = sides.length == 2 ? entries(sides[1], where, surfaces) : left;
                for (Entry entry : left) {
                    for (List<String> key : entry.keys()) {
                        Set<List<String>> targets = rules.computeIfAbsent(String.join(" ", key), k -> new LinkedHashSet<>());
                        right.forEach(r -> targets.add(r.target()));
                    }
                }
            }
        }
        Map<String, List<List<String>>> frozen = new HashMap<>();
        int longest = 0;
        for (Map.Entry<String, Set<List<String>>> e : rules.entrySet()) {
            frozen.put(e.getKey(), List.copyOf(e.getValue()));
            longest = Math.max(longest, e.getKey().split(" ").length);
        }
        return new Synonyms(Map.copyOf(frozen), longest, Set.copyOf(surfaces));
    }

    private static List<Entry> entries(String side, String where, Set<String> surfaces) {
        List<Entry> entries = new ArrayList<>();
        for (String entry : side.split(",")) {
            if (entry.isBlank()) {
                throw new IllegalArgumentException(where + ": tomt ord i «" + side.strip() + "»");
            }
            List<NorwegianAnalysis.Surface> words = NorwegianAnalysis.surfaces(entry);
            if (words.isEmpty()) {
                throw new IllegalArgumentException(where + ": «" + entry.strip() + "» har ingen bokstaver");
            }
            List<String> full = new ArrayList<>();
            List<String> content = new ArrayList<>();
            for (NorwegianAnalysis.Surface w : words) {
                surfaces.add(w.text());
                if (w.isStop()) {
                    full.add(w.text());
                } else {
                    String stem = NorwegianAnalysis.stem(w.text());
                    full.add(stem);
                    content.add(stem);
                }
            }
            List<List<String>> keys = new ArrayList<>();
            keys.add(List.copyOf(full));
            if (content.size() >= 2 && content.size() < full.size()) {
                keys.add(List.copyOf(content));
            }
            entries.add(new Entry(List.copyOf(keys), List.copyOf(content.isEmpty() ? full : content)));
        }
        return entries;
    }

    /** One word or phrase of a rule: the stem sequences it is matched by, and what it stands for in the index. */
    private record Entry(List<List<String>> keys, List<String> target) {
    }

    /**
     * The longest rule that matches the stems starting at {@code from}.
     *
     * @return the number of stems matched and what they expand to, or null when no rule matches
     */
    Match match(List<String> stems, int from) {
        for (int length = Math.min(longestKey, stems.size() - from); length >= 1; length--) {
            List<List<String>> expansion = rules.get(String.join(" ", stems.subList(from, from + length)));
            if (expansion != null) {
                return new Match(length, expansion);
            }
        }
        return null;
    }

    /** Whether a single stem has a rule. */
    boolean has(String stem) {
        return rules.containsKey(stem);
    }

    /** Every surface word written in the files: spelling correction may correct towards them. */
    Set<String> surfaces() {
        return surfaces;
    }

    /** A rule that matched {@code length} stems. */
    record Match(int length, List<List<String>> expansion) {
    }

    /** A rules file and its name for error messages. */
    record NamedReader(String name, Reader reader) {
    }
}
