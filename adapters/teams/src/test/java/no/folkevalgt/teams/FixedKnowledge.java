package no.folkevalgt.teams;

import java.util.List;
import java.util.function.Function;

import no.folkevalgt.core.port.Answer;
import no.folkevalgt.core.port.KnowledgeBase;

/**
 * A knowledge base that answers every question by a rule, for tests of what Teams shows (the card),
 * not of the search. Its topics are fixed.
 */
final class FixedKnowledge implements KnowledgeBase {

    private final Function<String, Answer> answer;
    private final List<String> topics;

    FixedKnowledge(Function<String, Answer> answer, String... topics) {
        this.answer = answer;
        this.topics = List.of(topics);
    }

    @Override
    public Answer ask(String question, int top) {
        return answer.apply(question);
    }

    @Override
    public List<String> topics() {
        return topics;
    }

    @Override
    public Stats stats() {
        return new Stats(2, "x", 0, 0);
    }

    @Override
    public void close() {
    }
}
