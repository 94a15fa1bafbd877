package no.folkevalgt.app;

import java.io.IOException;
import java.nio.file.Path;
import no.folkevalgt.core.port.KnowledgeBase;
import no.folkevalgt.knowledge.IndexReport;
import no.folkevalgt.knowledge.IngestProgress;
import no.folkevalgt.knowledge.LuceneKnowledgeBase;

/** Opens and builds the knowledge base; the one place the app names its implementation. */
interface KnowledgeFactory {

    /** The Lucene index on local disk, rebuilt when the material changed. */
    KnowledgeFactory LUCENE = new KnowledgeFactory() {
        @Override
        public KnowledgeBase open(Path contentDir, Path indexDir, Path synonyms) throws IOException {
            return LuceneKnowledgeBase.builder(contentDir, indexDir).synonyms(synonyms).open();
        }

        @Override
        public IndexReport index(Path contentDir, Path indexDir, IngestProgress progress) throws IOException {
            return LuceneKnowledgeBase.index(contentDir, indexDir, progress, true);
        }
    };

    /**
     * Opens the knowledge base, building the index first when the material changed.
     *
     * @param synonyms the organiser's synonyms file, or null for the bundled one
     */
    KnowledgeBase open(Path contentDir, Path indexDir, Path synonyms) throws IOException;

    /** Builds the index from the material, even when it has not changed. */
    IndexReport index(Path contentDir, Path indexDir, IngestProgress progress) throws IOException;
}
