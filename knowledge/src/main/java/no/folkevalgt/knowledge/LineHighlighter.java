package no.folkevalgt.knowledge;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.Analyzer;

/**
 * Picks the lines of a passage that answer a question.
 *
 * <p>Photo credits are left out. A short slide is shown whole: its lines are the answer and its title the question it answers.
 * On a longer one, each line is scored by the weight of the question's words it contains, and the
 * lines scoring at least half the best line are kept, in slide order.
 */
final class LineHighlighter {

    static final int SHORT_LINES = 12;
    static final int SHORT_CHARS = 700;
    static final int MAX_LINES = 6;

    /* Photo credits on slides ("Foto: Shutterstock", "Photo by X on Unsplash") answer nothing. */
    private static final Pattern PHOTO_CREDIT =
            Pattern.compile("(foto|photo|bilde|illustrasjon)(\\s*:|\\s+by\\b)", Pattern.CASE_INSENSITIVE);

    private LineHighlighter() {
    }

    static List<String> lines(Passage passage, List<PassageSearcher.Concept> concepts, double[] weights, Analyzer stemming) {
        List<String> lines = passage.text().lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !PHOTO_CREDIT.matcher(l).lookingAt()).toList();
        if (lines.isEmpty()) {
            return List.of(passage.title());
        }
        if (lines.size() <= SHORT_LINES && passage.text().length() <= SHORT_CHARS) {
            return lines;
        }
        double[] scores = new double[lines.size()];
        double best = 0;
        for (int i = 0; i < lines.size(); i++) {
            Set<String> stems = new HashSet<>(NorwegianAnalysis.terms(stemming, LuceneKnowledgeBase.BODY, lines.get(i)));
            for (int c = 0; c < concepts.size(); c++) {
                scores[i] += weights[c] * concepts.get(c).credit(stems);
            }
            best = Math.max(best, scores[i]);
        }
        if (best == 0) {
            return lines.subList(0, Math.min(MAX_LINES, lines.size()));
        }
        List<String> picked = new ArrayList<>();
        for (int i = 0; i < lines.size() && picked.size() < MAX_LINES; i++) {
            if (scores[i] >= best / 2) {
                picked.add(lines.get(i));
            }
        }
        return picked;
    }
}
