package no.folkevalgt.knowledge;

import java.time.Duration;
import java.util.List;
import no.folkevalgt.core.port.Answer;
import no.folkevalgt.core.port.Hit;
import no.folkevalgt.core.port.KnowledgeBase;

/**
 * Test support for the front ends (shared through this module's test-jar): a knowledge base that is
 * never sure. Where the real one would answer, it offers suggestions instead, either the given slides
 * or the real answer's hits (at most three); a question the real one declines stays declined. Closing
 * it closes the real one.
 *
 * <pre>{@code
 * Bot bot = Bot.builder().knowledgeBase(new UnsureKnowledgeBase(LuceneKnowledgeBase.open(content, index))).build();
 * Bot hostile = Bot.builder().knowledgeBase(UnsureKnowledgeBase.offering(List.of(hitWithMarkupInItsTitle))).build();
 * }</pre>
 */
public final class UnsureKnowledgeBase implements KnowledgeBase {

    private final KnowledgeBase real;
    private final List<Hit> offered;

    /** Offers the real answer's own hits. */
    public UnsureKnowledgeBase(KnowledgeBase real) {
        this(real, List.of());
    }

    /** @param offered the slides to offer for every question the real one answers; empty for its own hits */
    public UnsureKnowledgeBase(KnowledgeBase real, List<Hit> offered) {
        this.real = real;
        this.offered = List.copyOf(offered);
    }

    /** Offers these slides for every question, with no real knowledge base behind it. */
    public static KnowledgeBase offering(List<Hit> offered) {
        return new UnsureKnowledgeBase(null, offered);
    }

    @Override
    public Answer ask(String question, int top) {
        if (real == null) {
            return Answer.unsure(question, offered, null);
        }
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
        return real == null ? List.of() : real.topics();
    }

    @Override
    public void watch(Duration interval) {
        if (real != null) {
            real.watch(interval);
        }
    }

    @Override
    public Stats stats() {
        return real == null ? new Stats(offered.size(), "test", 0, 0) : real.stats();
    }

    @Override
    public void close() {
        if (real != null) {
            real.close();
        }
    }
}
