package no.folkevalgt.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** bot-core stays platform-neutral: no Slack, no Teams, no Lucene. */
class ArchitectureTest {

    static final List<String> FORBIDDEN = List.of("com.slack", "com.microsoft.bot", "org.apache.lucene");

    @Test
    void botCore_importsNoPlatformOrSearchEngineTypes() throws Exception {
        Path classes = classesDirOf(Bot.class);
        assertThat(classes.resolve("no/folkevalgt/core/Bot.class")).exists();
        assertThat(ClassFileScanner.count(classes)).isGreaterThanOrEqualTo(5);

        assertThat(ClassFileScanner.violations(classes, FORBIDDEN))
                .as("bot-core classes that refer to %s", FORBIDDEN)
                .isEmpty();
    }

    @Test
    void scanner_findsALuceneReference_inAFixtureClass() throws Exception {
        Path testClasses = classesDirOf(LuceneUsingFixture.class);

        assertThat(ClassFileScanner.violations(testClasses, FORBIDDEN))
                .containsKey("no/folkevalgt/core/ArchitectureTest$LuceneUsingFixture.class".replace('/', java.io.File.separatorChar))
                .doesNotContainKey("no/folkevalgt/core/ArchitectureTest.class".replace('/', java.io.File.separatorChar));
    }

    private static Path classesDirOf(Class<?> type) throws URISyntaxException {
        Path location = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertThat(Files.isDirectory(location)).as("classes folder %s", location).isTrue();
        return location;
    }

    /** Refers to Lucene on purpose, so the scanner is shown to catch it. */
    @SuppressWarnings("unused")
    static final class LuceneUsingFixture {
        private org.apache.lucene.store.Directory directory;
    }
}
