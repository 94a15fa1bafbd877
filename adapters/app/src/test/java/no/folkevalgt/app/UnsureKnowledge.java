package no.folkevalgt.app;

import java.io.IOException;
import java.nio.file.Path;
import no.folkevalgt.core.port.KnowledgeBase;
import no.folkevalgt.knowledge.IndexReport;
import no.folkevalgt.knowledge.IngestProgress;
import no.folkevalgt.knowledge.UnsureKnowledgeBase;

/**
 * The real Lucene index on the test deck, except that every sure answer comes back unsure: its hits
 * (at most three) offered as suggestions. A declined question stays declined.
 */
final class UnsureKnowledge implements KnowledgeFactory {

    @Override
    public KnowledgeBase open(Path contentDir, Path indexDir, Path synonyms) throws IOException {
        return new UnsureKnowledgeBase(LUCENE.open(contentDir, indexDir, synonyms));
    }

    @Override
    public IndexReport index(Path contentDir, Path indexDir, IngestProgress progress) throws IOException {
        return LUCENE.index(contentDir, indexDir, progress);
    }
}
