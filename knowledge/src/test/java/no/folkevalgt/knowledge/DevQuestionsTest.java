package no.folkevalgt.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Grades the bundled material's answers to the shared dev questions exactly as
 * {@code ../shared/eval/grade.py} does, and fails below the quality floors of the foundation issue.
 * The questions live outside the project on purpose: they are a compass, never product data.
 */
class DevQuestionsTest {

    @TempDir
    static Path indexDir;
    static LuceneKnowledgeBase kb;

    @BeforeAll
    static void open() throws IOException {
        kb = LuceneKnowledgeBase.open(TestPaths.bundledContent(), indexDir);
    }

    @AfterAll
    static void close() {
        kb.close();
    }

    @Test
    void devQuestions_meetTheQualityFloors() throws IOException {
        Path tsv = TestPaths.projectRoot().resolve("../shared/eval/dev-questions.tsv").normalize();
        assumeTrue(Files.isRegularFile(tsv), "dev questions not found beside the project: " + tsv);
        int inScope = 0, hit1 = 0, hit3 = 0, falselyDeclined = 0, out = 0, outDeclined = 0;
        List<String> misses = new ArrayList<>();
        for (String line : Files.readAllLines(tsv, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            String category = f[1], question = f[2], expected = f[3];
            Answer a = kb.ask(question, 3);
            if (category.equals("out") || category.equals("english")) {
                out++;
                if (!a.answered()) {
                    outDeclined++;
                } else {
                    misses.add("answered out-of-scope: " + question + " -> " + a.hits().get(0).passage().title());
                }
                continue;
            }
            inScope++;
            if (!a.answered()) {
                falselyDeclined++;
                misses.add("declined: " + question);
                continue;
            }
            int rank = 0;
            for (int i = 0; i < a.hits().size() && i < 3 && rank == 0; i++) {
                Hit h = a.hits().get(i);
                String t = norm(h.passage().title() + " " + h.text());
                if (t.length() > 1500) {
                    continue;
                }
                for (String k : expected.split("\\|")) {
                    if (t.contains(norm(k))) {
                        rank = i + 1;
                        break;
                    }
                }
            }
            if (rank == 1) {
                hit1++;
            }
            if (rank >= 1) {
                hit3++;
            }
            if (rank != 1) {
                misses.add("rank " + (rank == 0 ? "-" : rank) + ": " + question + " -> " + a.hits().get(0).passage().title());
            }
        }
        double h1 = 100.0 * hit1 / inScope, h3 = 100.0 * hit3 / inScope;
        double fd = 100.0 * falselyDeclined / inScope, od = 100.0 * outDeclined / Math.max(1, out);
        String report = String.format(Locale.ROOT,
                "in-scope n=%d hit@1=%.1f%% hit@3=%.1f%% falsely-declined=%.1f%% out-of-scope declined=%.1f%%%n  %s",
                inScope, h1, h3, fd, od, String.join("\n  ", misses));
        System.out.println(report);
        assertThat(h1).as(report).isGreaterThanOrEqualTo(85.0);
        assertThat(h3).as(report).isGreaterThanOrEqualTo(95.0);
        assertThat(od).as(report).isGreaterThanOrEqualTo(80.0);
        assertThat(fd).as(report).isLessThanOrEqualTo(5.0);
    }

    private static String norm(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^0-9a-zæøåéüäö]", "");
    }
}
