package no.folkevalgt.knowledge;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import no.folkevalgt.core.port.Passage;
import org.apache.lucene.analysis.Analyzer;

/**
 * Picks and shapes the lines of a passage that answer a question (the lines a user sees; the passage's
 * text stays whole).
 *
 * <p>Shaping: photo credits and broken fragments (a lone letter of a rotated label, a lone full stop)
 * are left out, a chart's figure is joined to its label ("Skatteinntekter 40 %"), and a word broken at
 * a hyphen is joined again. A slide whose text is a diagram's labels (mostly ALL-CAPS fragments) is
 * shown as a list of its labels in reading order, under its caption.
 *
 * <p>Choosing: the title and each line are scored by the weight of the question's concepts they carry.
 * When the title carries them better than any line, the question is about what the slide is about:
 * the title leads the answer (unless it is itself a question). If the title is the slide's heading and
 * most lines carry none of the concepts, the lines are what the title is about, so a short slide's
 * lines follow whole (a long slide's first {@value #MAX_LINES}). If the title is one of the slide's
 * items ({@link #isItem}) or most lines carry some of the concepts, the lines compete with the title
 * and only those carrying at least half as much follow. Otherwise the lines carrying at least half as much as the best line are the answer. The
 * slide's order is kept; a slide with none of the concepts shows its first lines.
 */
final class LineHighlighter {

    static final int SHORT_LINES = 12;
    static final int SHORT_CHARS = 700;
    static final int MAX_LINES = 6;

    /* A line that is only a figure: "40 %", "1,2 mrd.", "-3"; not a list's number ("1.", "2)"). */
    private static final Pattern FIGURE = Pattern.compile(
            "^(?!\\d{1,2}[.)]$)[-+−]?\\d[\\d .,]*\\s*(?:%|‰|prosent|kr\\.?|mrd\\.?|mill\\.?|millioner|milliarder)?$",
            Pattern.CASE_INSENSITIVE);
    /* A word broken at a hyphen: "lønnsfor- handlinger" (not "plan- og bygningsloven"). */
    private static final Pattern BROKEN_WORD = Pattern.compile("(\\p{L})- (?!(?:og|eller|til|samt|enn)\\b)(\\p{Ll})");
    /* Lowercase letters that are words on their own; any other lone lowercase letter is a fragment. */
    private static final Set<String> ONE_LETTER_WORDS = Set.of("i", "å", "e", "o", "a");
    /* A diagram's label is short. */
    private static final int LABEL_WORDS = 6;
    private static final int MIN_LABELS = 3;

    private LineHighlighter() {
    }

    static List<String> lines(Passage passage, List<PassageSearcher.Concept> concepts, double[] weights, Analyzer stemming) {
        List<String> raw = passage.text().lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !SlideText.isPhotoCredit(l)).toList();
        if (raw.isEmpty()) {
            return List.of(passage.title());
        }
        List<String> diagram = diagram(passage.title(), raw);
        if (!diagram.isEmpty()) {
            return diagram;
        }
        List<String> lines = shape(raw);
        if (lines.isEmpty()) {
            return List.of(passage.title());
        }
        boolean isShort = lines.size() <= SHORT_LINES && passage.text().length() <= SHORT_CHARS;
        double title = score(passage.title(), concepts, weights, stemming);
        double[] scores = new double[lines.size()];
        double best = 0;
        int carriers = 0;
        for (int i = 0; i < lines.size(); i++) {
            scores[i] = score(lines.get(i), concepts, weights, stemming);
            best = Math.max(best, scores[i]);
            carriers += scores[i] > 0 ? 1 : 0;
        }
        if (title == 0 && best == 0) {
            return isShort ? lines : lines.subList(0, Math.min(MAX_LINES, lines.size()));
        }
        List<String> picked = new ArrayList<>();
        if (title > best) {
            if (!passage.title().strip().endsWith("?")) {
                picked.add(passage.title());
            }
            if (!isItem(passage.title(), lines) && carriers * 2 < lines.size()) {
                /* the lines are what the title is about: all of them, or the first of a long slide */
                picked.addAll(isShort ? lines : lines.subList(0, Math.min(MAX_LINES, lines.size())));
                return picked;
            }
            picked.addAll(atLeast(lines, scores, title / 2));
        } else {
            picked.addAll(atLeast(lines, scores, best / 2));
        }
        return picked.isEmpty() ? (isShort ? lines : lines.subList(0, Math.min(MAX_LINES, lines.size()))) : picked;
    }

    /**
     * Whether the title is one of the slide's items rather than its heading: a line of the slide starts
     * with the same two words ("Kommunedirektøren har det løpende personalansvaret" over "➜ Kommunedirektøren
     * har ansvar for internkontroll"), as when a PDF's first list item was taken for the title.
     */
    static boolean isItem(String title, List<String> lines) {
        String[] words = DeckStructure.key(title).split(" ");
        if (words.length < 3) {
            return false;
        }
        String start = words[0] + " " + words[1] + " ";
        return lines.stream().anyMatch(l -> (DeckStructure.key(l) + " ").startsWith(start));
    }

    /**
     * The lines that carry a follow-up's own words ("hvor ofte …samtale…"), in slide order: those scoring
     * at least half the best line. Empty when no line carries them, or the slide is a diagram; then the
     * lines are chosen for the whole question ({@link #lines}).
     */
    static List<String> focusedLines(Passage passage, List<PassageSearcher.Concept> concepts, double[] weights,
                                     Analyzer stemming) {
        List<String> raw = passage.text().lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !SlideText.isPhotoCredit(l)).toList();
        if (raw.isEmpty() || !diagram(passage.title(), raw).isEmpty()) {
            return List.of();
        }
        List<String> lines = shape(raw);
        double[] scores = new double[lines.size()];
        double best = 0;
        for (int i = 0; i < lines.size(); i++) {
            Set<String> stems = new HashSet<>(NorwegianAnalysis.terms(stemming, LuceneKnowledgeBase.BODY, lines.get(i)));
            for (int c = 0; c < concepts.size(); c++) {
                double credit = concepts.get(c).credit(stems);
                scores[i] += weights[c] * (credit > 0 ? credit : headCredit(concepts.get(c), stems));
            }
            best = Math.max(best, scores[i]);
        }
        return best == 0 ? List.of() : atLeast(lines, scores, best / 2);
    }

    /** Shortest word matched as the head of a compound the splitter did not split. */
    static final int MIN_HEAD = 5;

    /*
     * Norwegian compounds end in their head: "utviklingssamtale" is a kind of "samtale". A follow-up's
     * word found as the end of a longer word of the line counts as carried, when the splitter, which
     * knows only the material's own words, left the compound whole.
     */
    private static double headCredit(PassageSearcher.Concept concept, Set<String> stems) {
        for (List<String> alternative : concept.alternatives()) {
            if (alternative.size() == 1 && alternative.get(0).length() >= MIN_HEAD) {
                String head = alternative.get(0);
                if (stems.stream().anyMatch(s -> s.length() > head.length() && s.endsWith(head))) {
                    return 1;
                }
            }
        }
        return 0;
    }

    /** The lines scoring at least {@code floor} (and above 0), in slide order, at most {@link #MAX_LINES}. */
    private static List<String> atLeast(List<String> lines, double[] scores, double floor) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.size() && out.size() < MAX_LINES; i++) {
            if (scores[i] > 0 && scores[i] >= floor) {
                out.add(lines.get(i));
            }
        }
        return out;
    }

    /** The weight of the question's concepts a line carries, by its base forms (compound parts included). */
    private static double score(String line, List<PassageSearcher.Concept> concepts, double[] weights, Analyzer stemming) {
        Set<String> stems = new HashSet<>(NorwegianAnalysis.terms(stemming, LuceneKnowledgeBase.BODY, line));
        double score = 0;
        for (int c = 0; c < concepts.size(); c++) {
            score += weights[c] * concepts.get(c).credit(stems);
        }
        return score;
    }

    /**
     * The lines as a user should read them: fragments left out, each figure joined to the label before
     * it, words broken at a hyphen joined.
     */
    static List<String> shape(List<String> lines) {
        List<String> out = new ArrayList<>();
        boolean previousHasFigure = false;
        for (String line : lines) {
            if (isFragment(line)) {
                continue;
            }
            boolean figure = FIGURE.matcher(line).matches();
            if (figure && !out.isEmpty() && !previousHasFigure) {
                out.set(out.size() - 1, out.get(out.size() - 1) + " " + line);
                previousHasFigure = true;
                continue;
            }
            out.add(joinBrokenWords(line));
            previousHasFigure = figure;
        }
        return out;
    }

    /** A line with no letter or digit, or with a lone lowercase letter that is no word: a label broken apart. */
    static boolean isFragment(String line) {
        if (line.codePoints().noneMatch(Character::isLetterOrDigit)) {
            return true;
        }
        for (String token : line.split("\\s+")) {
            if (token.length() == 1 && Character.isLowerCase(token.charAt(0)) && !ONE_LETTER_WORDS.contains(token)) {
                return true;
            }
        }
        return false;
    }

    private static String joinBrokenWords(String line) {
        Matcher m = BROKEN_WORD.matcher(line);
        return m.find() ? m.replaceAll("$1$2") : line;
    }

    /**
     * A diagram's labels as a list: when the title is a short ALL-CAPS label and such labels make up
     * at least {@value #MIN_LABELS} and two thirds of the slide's lines (the title included), the other
     * lines (the diagram's caption) come first, then each label as "• Label" in reading order. Empty
     * when the slide is not a diagram.
     */
    static List<String> diagram(String title, List<String> lines) {
        List<String> all = new ArrayList<>();
        all.add(title);
        all.addAll(lines);
        List<String> labels = new ArrayList<>();
        List<String> caption = new ArrayList<>();
        for (String line : all) {
            if (isLabel(line)) {
                labels.add(line);
            } else if (!isFragment(line)) {
                caption.add(joinBrokenWords(line));
            }
        }
        if (!isLabel(title) || labels.size() < MIN_LABELS || labels.size() * 3 < all.size() * 2) {
            return List.of();
        }
        List<String> out = new ArrayList<>(caption);
        for (String label : labels) {
            out.add("• " + joinBrokenWords(sentenceCase(label)));
        }
        return out;
    }

    private static boolean isLabel(String line) {
        return SlideText.isAllCaps(line) && line.strip().split("\\s+").length <= LABEL_WORDS;
    }

    /** "INNBYGGERNE FÅR EI HÅND" -> "Innbyggerne får ei hånd"; a word that is no Norwegian word ("KS") keeps its capitals. */
    static String sentenceCase(String label) {
        StringBuilder sb = new StringBuilder();
        for (String word : label.strip().split("\\s+")) {
            String lower = word.toLowerCase(Locale.ROOT);
            String letters = lower.replaceAll("[^\\p{L}]", "");
            boolean acronym = !letters.isEmpty() && letters.length() <= 3 && !NorwegianWords.bundled().contains(letters)
                    && !NorwegianAnalysis.STOP_WORDS.contains(letters);
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            sb.append(acronym ? word : lower);
        }
        String s = sb.toString();
        int first = s.codePointAt(0);
        return new StringBuilder().appendCodePoint(Character.toUpperCase(first)).append(s.substring(Character.charCount(first))).toString();
    }
}
