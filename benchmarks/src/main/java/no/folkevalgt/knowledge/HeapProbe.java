package no.folkevalgt.knowledge;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Prints the heap an opened knowledge base holds, per corpus: used heap after a full GC with the
 * knowledge base open, minus the same before it was opened (the index is built first, outside the
 * figure). Run with {@code java -cp benchmarks/target/benchmarks.jar no.folkevalgt.knowledge.HeapProbe [corpus...]}.
 */
public final class HeapProbe {

    private HeapProbe() {
    }

    public static void main(String[] args) throws Exception {
        String[] corpora = args.length == 0 ? new String[] {"bundled", "50k"} : args;
        for (String corpus : corpora) {
            Path work = Files.createTempDirectory("folkevalgt-heap-");
            try {
                Path content = BenchCorpus.content(corpus, work);
                Path index = work.resolve("index");
                IndexReport report = LuceneKnowledgeBase.index(content, index, IngestProgress.NONE, true);
                long before = BenchCorpus.usedHeapAfterGc();
                long start = System.nanoTime();
                try (LuceneKnowledgeBase kb = LuceneKnowledgeBase.builder(content, index).cacheSize(0).open()) {
                    long openMillis = (System.nanoTime() - start) / 1_000_000;
                    kb.ask("Hvordan får jeg en sak på saklista?", 3);
                    long after = BenchCorpus.usedHeapAfterGc();
                    long indexBytes;
                    try (var files = Files.walk(index)) {
                        indexBytes = files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
                    }
                    System.out.printf(Locale.ROOT,
                            "%s: %d passages, index %.1f MiB on disk, open %d ms, heap used %.1f MiB before open, "
                                    + "%.1f MiB with the knowledge base open (+%.1f MiB)%n",
                            corpus, report.passages(), indexBytes / 1048576.0, openMillis, before / 1048576.0,
                            after / 1048576.0, (after - before) / 1048576.0);
                }
            } finally {
                BenchCorpus.delete(work);
            }
        }
    }
}
