package no.folkevalgt.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The bundled material's knowledge base, built and opened once per test JVM for the test classes that
 * only ask it questions; closed and its index deleted when the JVM ends.
 */
final class BundledKnowledge {

    private static LuceneKnowledgeBase kb;

    private BundledKnowledge() {
    }

    static synchronized LuceneKnowledgeBase get() {
        if (kb == null) {
            try {
                Path index = Files.createTempDirectory("bundled-index");
                kb = LuceneKnowledgeBase.open(TestPaths.bundledContent(), index);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    kb.close();
                    try (Stream<Path> walk = Files.walk(index)) {
                        walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                    } catch (IOException e) {
                        // a temporary folder left behind is harmless
                    }
                }));
            } catch (IOException e) {
                throw new UncheckedIOException("could not open the bundled material", e);
            }
        }
        return kb;
    }
}
