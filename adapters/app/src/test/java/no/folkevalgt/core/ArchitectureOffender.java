package no.folkevalgt.core;

/** Breaks the core's rule on purpose (it refers to Lucene), so ArchitectureTest shows that the rule catches it. */
@SuppressWarnings("unused")
public final class ArchitectureOffender {
    private org.apache.lucene.store.Directory directory;
}
