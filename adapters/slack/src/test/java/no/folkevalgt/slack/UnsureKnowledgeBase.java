package no.folkevalgt.slack;

import java.time.Duration;
import java.util.List;
import no.folkevalgt.knowledge.Answer;
import no.folkevalgt.knowledge.Hit;
import no.folkevalgt.knowledge.KnowledgeBase;

/**
 * A knowledge base that is never sure: where the real one would answer, it offers suggestions
 * instead, either the given slides or the real answer's hits (at most three). A question the real
 * one declines stays declined. Closing it leaves the real one open (the fixture closes that).
 */
final class UnsureKnowledgeBase implements KnowledgeBase {

    private final KnowledgeBase real;
    private final List<Hit> offered;

    /** @param offered the slides to offer for every question the real one answers; empty for its own hits */
    UnsureKnowledgeBase(KnowledgeBase real, List<Hit> offered) {
        this.real = real;
        this.offered = List.copyOf(offered);
    }

    UnsureKnowledgeBase(KnowledgeBase real) {
        this(real, List.of());
    }

    @Override
    public Answer ask(String question, int top) {
        Answer answer = real.ask(question, top);
        if (!answer.answered()) {
            return answer;
        }
        List<Hit> hits = offered.isEmpty() ? answer.hits() : offered;
        return Answer.unsure(question, hits.subList(0, Math.min(Answer.MAX_SUGGESTIONS, hits.size())),
                answer.interpretedAs());
    }

    @Override
    public List<String> topics() {
        return real.topics();
    }

    @Override
    public void watch(Duration interval) {
        real.watch(interval);
    }

    @Override
    public Stats stats() {
        return real.stats();
    }

    @Override
    public void close() {
    }
}
