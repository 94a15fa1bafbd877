package no.folkevalgt.knowledge;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.IntPredicate;
import no.folkevalgt.core.port.Answer;
import no.folkevalgt.core.port.Hit;
import no.folkevalgt.core.port.KnowledgeBase;

/**
 * Grades answers to the shared dev question sets ({@code ../shared/eval/*.tsv}) exactly as
 * {@code ../shared/eval/grade.py} does (sure answers, suggestions when unsure, confident wrong answers,
 * flat declines). The questions live outside the project on purpose: they are a compass, never product
 * data. Skips the calling test when they are not beside the project. Shared with the other modules'
 * tests through the test-jar.
 */
public final class DevSets {

    private DevSets() {
    }

    /** The bundled material's knowledge base, opened once per test JVM. */
    public static KnowledgeBase bundled() {
        return BundledKnowledge.get();
    }

    /** The figures of grade.py for the bundled knowledge base's own answers. */
    public static Grade grade(String set, IntPredicate ids) throws IOException {
        KnowledgeBase kb = bundled();
        return grade(set, ids, question -> kb.ask(question, 3));
    }

    /**
     * The figures of grade.py over the rows whose id number passes {@code ids}, for the answers
     * {@code ask} gives (a knowledge base, or a bot with what it was taught).
     */
    public static Grade grade(String set, IntPredicate ids, Function<String, Answer> ask) throws IOException {
        Path tsv = TestPaths.projectRoot().resolve("../shared/eval/" + set).normalize();
        assumeTrue(Files.isRegularFile(tsv), "dev questions not found beside the project: " + tsv);
        int n = 0, hit1 = 0, hit3 = 0, helped = 0, wrong = 0, flat = 0, out = 0, outDeclined = 0, en = 0, enHelped = 0;
        List<String> misses = new ArrayList<>();
        for (String line : Files.readAllLines(tsv, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            String digits = f[0].replaceAll("\\D", "");
            if (!ids.test(digits.isEmpty() ? 0 : Integer.parseInt(digits))) {
                continue;
            }
            String category = f[1], question = f[2], expected = f[3];
            Answer a = ask.apply(question);
            if (expected.equals("-")) {
                out++;
                if (!a.answered()) {
                    outDeclined++;
                } else {
                    misses.add(f[0] + " answered out-of-scope: " + question + " -> " + a.hits().get(0).passage().title());
                }
                continue;
            }
            int rank = a.answered() ? rank(a.hits(), expected) : 0;
            int suggested = a.answered() ? 0 : rank(a.suggestions(), expected);
            boolean isHelped = rank > 0 || suggested > 0;
            if (category.equals("english")) {
                en++;
                enHelped += isHelped ? 1 : 0;
                continue;
            }
            n++;
            hit1 += rank == 1 ? 1 : 0;
            hit3 += rank > 0 ? 1 : 0;
            helped += isHelped ? 1 : 0;
            wrong += a.answered() && rank == 0 ? 1 : 0;
            flat += a.outcome() == Answer.Outcome.NONE ? 1 : 0;
            if (rank != 1) {
                misses.add(f[0] + " " + (a.answered() ? rank == 0 ? "wrong-sure" : "rank " + rank
                        : suggested > 0 ? "suggested" : a.outcome() == Answer.Outcome.UNSURE ? "unsure" : "declined")
                        + ": " + question);
            }
        }
        return new Grade(pct(hit1, n), pct(hit3, n), pct(helped, n), pct(wrong, n), pct(flat, n),
                pct(outDeclined, out), pct(enHelped, en), n, misses);
    }

    /* A key phrase is found when it occurs in a hit's title or text, compared like grade.py's norm(). */
    private static int rank(List<Hit> hits, String expected) {
        for (int i = 0; i < hits.size() && i < 3; i++) {
            String t = norm(hits.get(i).passage().title() + " " + hits.get(i).text());
            if (t.length() > 1500) {
                continue;
            }
            for (String k : expected.split("\\|")) {
                if (t.contains(norm(k))) {
                    return i + 1;
                }
            }
        }
        return 0;
    }

    private static double pct(int x, int of) {
        return of == 0 ? 100.0 : 100.0 * x / of;
    }

    private static String norm(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^0-9a-zæøåéüäö]", "");
    }

    public record Grade(double hit1, double hit3, double helped3, double wrongSure, double flat, double outDeclined,
                         double englishHelped3, int inScope, List<String> misses) {

        public String summary() {
            return String.format(Locale.ROOT, "in-scope n=%d hit@1=%.1f%% hit@3=%.1f%% helped@3=%.1f%% wrong-sure=%.1f%% "
                    + "falsely-declined=%.1f%% out-of-scope declined=%.1f%% english helped@3=%.1f%%",
                    inScope, hit1, hit3, helped3, wrongSure, flat, outDeclined, englishHelped3);
        }

        public String report() {
            return summary() + "\n  " + String.join("\n  ", misses);
        }
    }
}
