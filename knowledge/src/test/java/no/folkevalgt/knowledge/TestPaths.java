package no.folkevalgt.knowledge;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the project's own files are, from a test's point of view. */
final class TestPaths {

    private TestPaths() {
    }

    /** The project root: Surefire passes it; otherwise the parent of the module folder. */
    static Path projectRoot() {
        String root = System.getProperty("project.root");
        if (root != null && Files.isDirectory(Path.of(root, "content"))) {
            return Path.of(root).toAbsolutePath().normalize();
        }
        Path here = Path.of("").toAbsolutePath();
        return Files.isDirectory(here.resolve("content")) ? here : here.getParent();
    }

    /** The bundled programme material. */
    static Path bundledContent() {
        return projectRoot().resolve("content");
    }
}
