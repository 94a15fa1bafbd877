package no.folkevalgt.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.Test;

/**
 * Grades the bundled material's answers to the shared dev question sets as {@code grade.py} does
 * ({@link DevSets}), and fails below the quality floors of the understanding issue.
 */
class DevQuestionsTest {

    @Test
    void firstSet_keepsItsFloors() throws IOException {
        DevSets.Grade g = DevSets.grade("dev-questions.tsv", id -> true);
        assertThat(g.hit1()).as(g.report()).isGreaterThanOrEqualTo(85.0);
        assertThat(g.hit3()).as(g.report()).isGreaterThanOrEqualTo(95.0);
        assertThat(g.outDeclined()).as(g.report()).isGreaterThanOrEqualTo(90.0);
        assertThat(g.flat()).as(g.report()).isLessThanOrEqualTo(3.0);
    }

    @Test
    void everydayQuestions_meetTheUnderstandingFloors() throws IOException {
        DevSets.Grade g = DevSets.grade("dev-questions-2.tsv", id -> true);
        System.out.println("odd ids (tuned on):  " + DevSets.grade("dev-questions-2.tsv", id -> id % 2 == 1).summary());
        System.out.println("even ids (checked):  " + DevSets.grade("dev-questions-2.tsv", id -> id % 2 == 0).summary());
        assertThat(g.hit1()).as(g.report()).isGreaterThanOrEqualTo(75.0);
        assertThat(g.helped3()).as(g.report()).isGreaterThanOrEqualTo(92.0);
        assertThat(g.wrongSure()).as(g.report()).isLessThanOrEqualTo(5.0);
        assertThat(g.flat()).as(g.report()).isLessThanOrEqualTo(3.0);
        assertThat(g.outDeclined()).as(g.report()).isGreaterThanOrEqualTo(90.0);
        assertThat(g.englishHelped3()).as(g.report()).isGreaterThanOrEqualTo(75.0);
    }
}
