package no.folkevalgt.app;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import no.folkevalgt.knowledge.Answer;
import no.folkevalgt.knowledge.IndexReport;
import no.folkevalgt.knowledge.IngestProgress;
import no.folkevalgt.knowledge.KnowledgeBase;

/**
 * The real Lucene index on the test deck, except that every sure answer comes back unsure: its hits
 * (at most three) offered as suggestions. A declined question stays declined.
 */
final class UnsureKnowledge implements KnowledgeFactory {

    @Override
    public KnowledgeBase open(Path contentDir, Path indexDir, Path synonyms) throws IOException {
        KnowledgeBase real = LUCENE.open(contentDir, indexDir, synonyms);
        return new KnowledgeBase() {
            @Override
            public Answer ask(String question, int top) {
                Answer answer = real.ask(question, top);
                if (!answer.answered()) {
                    return answer;
                }
                List<no.folkevalgt.knowledge.Hit> closest = answer.hits()
                        .subList(0, Math.min(Answer.MAX_SUGGESTIONS, answer.hits().size()));
                return Answer.unsure(question, closest, answer.interpretedAs());
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
                real.close();
            }
        };
    }

    @Override
    public IndexReport index(Path contentDir, Path indexDir, IngestProgress progress) throws IOException {
        return LUCENE.index(contentDir, indexDir, progress);
    }
}
