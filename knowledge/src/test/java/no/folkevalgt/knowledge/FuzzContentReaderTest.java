package no.folkevalgt.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import no.folkevalgt.core.port.Passage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Document ingestion on random, truncated and mutated files named .pdf/.docx/.pptx/.txt/.md: each is
 * either read or skipped with a Problem naming it; reading never throws, and the good file beside them
 * is still read.
 */
class FuzzContentReaderTest {

    private static final long SEED = 5_11_2019L;
    private static final String GOOD = "god.txt";

    @TempDir
    Path temp;

    @Test
    void randomTruncatedAndMutatedFiles_areReadOrSkippedWithAProblem_neverACrash() throws IOException {
        Map<String, byte[]> valid = validFiles();
        Random random = new Random(SEED);
        for (int round = 0; round < 10; round++) {
            Path dir = Files.createDirectories(temp.resolve("runde" + round));
            Files.writeString(dir.resolve(GOOD), "Interpellasjon\nEt spørsmål til ordføreren.", StandardCharsets.UTF_8);
            Set<String> written = new TreeSet<>();
            int i = 0;
            for (Map.Entry<String, byte[]> e : valid.entrySet()) {
                String ext = e.getKey();
                byte[] original = e.getValue();
                List<byte[]> variants = List.of(
                        randomBytes(random, 1 + random.nextInt(4000)),
                        Arrays.copyOf(original, random.nextInt(original.length)),
                        flip(original, random, 1 + random.nextInt(20)),
                        new byte[0]);
                for (byte[] bytes : variants) {
                    String name = "fil" + i++ + "." + ext;
                    Files.write(dir.resolve(name), bytes);
                    written.add(name);
                }
            }
            Ingested in = ContentReader.of(dir).read(IngestProgress.NONE);

            Set<String> read = in.passages().stream().map(Passage::source).collect(Collectors.toCollection(TreeSet::new));
            Set<String> skipped = in.problems().stream().map(Ingested.Problem::file)
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(read).as("round %s: the good file", round).contains(GOOD);
            for (String name : written) {
                assertThat(read.contains(name) || skipped.contains(name))
                        .as("round %s: %s is read or named in a problem", round, name).isTrue();
            }
            assertThat(in.problems()).allSatisfy(p -> assertThat(p.message()).isNotBlank());
        }
    }

    private Map<String, byte[]> validFiles() throws IOException {
        Path dir = Files.createDirectories(temp.resolve("gyldige"));
        List<ContentTestFiles.Slide> slides = List.of(new ContentTestFiles.Slide("Interpellasjon",
                "Et spørsmål til ordføreren\nMeldes skriftlig", ""), new ContentTestFiles.Slide("Delegering", "Myndighet videre", ""));
        Path pptx = ContentTestFiles.pptx(dir.resolve("a.pptx"), slides, null);
        Path docx = ContentTestFiles.docx(dir.resolve("a.docx"), List.of(new ContentTestFiles.Para(1, "Interpellasjon"),
                new ContentTestFiles.Para(0, "Et spørsmål til ordføreren.")));
        Path pdf = ContentTestFiles.pdf(dir.resolve("a.pdf"), List.of(List.of("Interpellasjon", "Et spørsmål")), null);
        Map<String, byte[]> files = new java.util.LinkedHashMap<>();
        files.put("pptx", Files.readAllBytes(pptx));
        files.put("docx", Files.readAllBytes(docx));
        files.put("pdf", Files.readAllBytes(pdf));
        files.put("txt", "Tittel\nTekst med æøå\fNeste\nlysbilde".getBytes(StandardCharsets.UTF_8));
        files.put("md", "# Tittel\n\nTekst *med* [lenke](javascript:alert(1))\n\n## Under\n\n- punkt".getBytes(StandardCharsets.UTF_8));
        return files;
    }

    private static byte[] randomBytes(Random random, int n) {
        byte[] bytes = new byte[n];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] flip(byte[] original, Random random, int flips) {
        byte[] copy = original.clone();
        for (int i = 0; i < flips && copy.length > 0; i++) {
            copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
        }
        return copy;
    }
}
