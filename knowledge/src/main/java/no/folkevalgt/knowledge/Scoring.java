package no.folkevalgt.knowledge;

import java.util.List;
import no.folkevalgt.core.port.Answer;

/**
 * Orders the candidates of a question and decides between a sure answer, suggestions and "not in the
 * material". The numbers were calibrated on half of a set of everyday questions and checked on the
 * other half (docs/search.md); they are general, not per question.
 *
 * @param bm25Weight     the weight of the candidate's BM25 score (relative to the best candidate's)
 * @param coverageWeight the weight of the share of the question the slide (text and bank) covers
 * @param bankWeight     the weight of the match with its best bank question (harmonic mean of the
 *                       question's share covered by it and its share covered by the question)
 * @param emptyPenalty   the factor on a title-only slide's rank
 * @param marginWeight   how much the best candidate's lead over the next one adds to the confidence
 * @param sureConfidence the least confidence for a sure answer; the confidence is the share of the
 *                       question the best slide covers, plus its match with its best bank question,
 *                       plus {@code marginWeight} times its lead (the share by which its rank beats the
 *                       next candidate's)
 * @param sureCoverage   and the least share of the question the best slide must cover for a sure answer
 *                       (a lone, weak candidate has the largest lead of all)
 * @param closeCoverage  the least share of the question's content weight (light words left out) one of
 *                       the first three slides must cover to be offered as suggestions; below it the
 *                       question is declined
 */
record Scoring(double bm25Weight, double coverageWeight, double bankWeight, double emptyPenalty,
               double marginWeight, double sureConfidence, double sureCoverage, double closeCoverage) {

    static final Scoring DEFAULT = new Scoring(0.25, 0.5, 1.0, 0.8, 0.5, 1.15, 0.45, 0.2);

    /** The candidate's rank: its BM25 score, how much of the question it covers, and its best bank question. */
    double rank(PassageSearcher.Candidate c) {
        double r = bm25Weight * c.bm25() + coverageWeight * c.covAll() + bankWeight * c.bankMatch();
        return c.emptyBody() ? r * emptyPenalty : r;
    }

    /** How sure the answer from the best of the ranked candidates is (see {@link #sureConfidence}). */
    double confidence(List<PassageSearcher.Candidate> candidates) {
        PassageSearcher.Candidate best = candidates.get(0);
        double margin = candidates.size() < 2 ? 1 : (best.rank() - candidates.get(1).rank()) / Math.max(best.rank(), 1e-9);
        return best.covAll() + best.bankMatch() + marginWeight * margin;
    }

    /** Sure, unsure (suggestions) or none, from the ranked candidates. */
    Answer.Outcome decide(PassageSearcher.Search search) {
        List<PassageSearcher.Candidate> candidates = search.candidates();
        if (candidates.isEmpty()) {
            return Answer.Outcome.NONE;
        }
        if (confidence(candidates) >= sureConfidence && candidates.get(0).covAll() >= sureCoverage) {
            return Answer.Outcome.SURE;
        }
        double close = candidates.stream().limit(Answer.MAX_SUGGESTIONS)
                .mapToDouble(PassageSearcher.Candidate::covContent).max().orElse(0);
        return close >= closeCoverage ? Answer.Outcome.UNSURE : Answer.Outcome.NONE;
    }
}
