package no.folkevalgt.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import no.folkevalgt.core.port.Passage;

/**
 * The material the benchmarks search: the bundled deck, or a synthetic corpus of many slides made
 * from the bundled deck's own words.
 *
 * <p>The synthetic corpus is deterministic (fixed seed): slides of a title line and 3 to 8 bullet
 * lines, written as {@code .txt} decks of about 1,000 slides each. Words are drawn from a bigram
 * model of the real deck (so word frequencies and common word pairs follow the real text), and the
 * real deck is copied in as well, so the real questions keep their real answers.
 */
final class BenchCorpus {

    /** Passages in the "50k" corpus, the real slides included. */
    static final int LARGE_PASSAGES = 50_000;
    /** Synthetic decks the "50k" corpus is spread over. */
    static final int LARGE_FILES = 50;

    private static final long SEED = 20191105L;
    /** Chance that the next word follows the previous one as in the real text (else a word by frequency). */
    private static final double FOLLOW = 0.75;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:[-'’][\\p{L}\\p{N}]+)*");

    private BenchCorpus() {
    }

    /**
     * The project root: the system property {@code project.root} when set, else the working
     * directory or its parent, whichever has a {@code content/} folder.
     */
    static Path projectRoot() {
        String property = System.getProperty("project.root");
        if (property != null && !property.isBlank()) {
            return Path.of(property).toAbsolutePath().normalize();
        }
        Path cwd = Path.of("").toAbsolutePath().normalize();
        if (Files.isDirectory(cwd.resolve("content"))) {
            return cwd;
        }
        Path parent = cwd.getParent();
        if (parent != null && Files.isDirectory(parent.resolve("content"))) {
            return parent;
        }
        throw new IllegalStateException("no content/ folder in " + cwd + " or its parent; run from the project root "
                + "or pass -Dproject.root=/path/to/project");
    }

    /** The bundled material: {@code <project root>/content}. */
    static Path bundled() {
        return projectRoot().resolve("content");
    }

    /**
     * The content folder of a corpus by its benchmark name.
     *
     * @param name "bundled" or "50k"
     * @param work a scratch folder; the synthetic corpus is written under it
     */
    static Path content(String name, Path work) throws IOException {
        return switch (name) {
            case "bundled" -> bundled();
            case "50k" -> synthetic(bundled(), work.resolve("content-50k"), LARGE_PASSAGES, LARGE_FILES);
            default -> throw new IllegalArgumentException("unknown corpus: " + name);
        };
    }

    /**
     * Writes a synthetic corpus of {@code passages} passages into {@code target}: the real decks of
     * {@code source} copied as they are, plus synthetic decks spread over {@code files} files.
     *
     * @return {@code target}
     */
    static Path synthetic(Path source, Path target, int passages, int files) throws IOException {
        Files.createDirectories(target);
        Ingested real = ContentReader.of(source).read(IngestProgress.NONE);
        try (Stream<Path> decks = Files.list(source)) {
            for (Path deck : (Iterable<Path>) decks::iterator) {
                if (Files.isRegularFile(deck) && deck.getFileName().toString().endsWith(".txt")) {
                    Files.copy(deck, target.resolve(deck.getFileName()));
                }
            }
        }
        Model body = new Model();
        Model titles = new Model();
        for (Passage p : real.passages()) {
            titles.learn(p.title());
            p.text().lines().forEach(body::learn);
        }
        Random random = new Random(SEED);
        int synthetic = passages - real.passages().size();
        for (int f = 0; f < files; f++) {
            int slides = synthetic / files + (f < synthetic % files ? 1 : 0);
            StringBuilder deck = new StringBuilder(slides * 400);
            for (int s = 0; s < slides; s++) {
                deck.append(capitalize(titles.line(random, 2, 6))).append('\n');
                int bullets = 3 + random.nextInt(6);
                for (int b = 0; b < bullets; b++) {
                    deck.append("• ").append(body.line(random, 4, 12)).append('\n');
                }
                deck.append("\n\n"); // two blank lines end a slide
            }
            Files.writeString(target.resolve(String.format(Locale.ROOT, "syntetisk-%02d.txt", f + 1)),
                    deck, StandardCharsets.UTF_8);
        }
        return target;
    }

    /** Deletes a folder and everything in it; quietly does what it can. */
    static void delete(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Heap in use after a full collection, in bytes. */
    static long usedHeapAfterGc() {
        Runtime rt = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            used = Math.min(used, rt.totalMemory() - rt.freeMemory());
        }
        return used;
    }

    private static String capitalize(String line) {
        return line.isEmpty() ? line : line.substring(0, 1).toUpperCase(Locale.ROOT) + line.substring(1);
    }

    /** A bigram model of lines of text: which words start lines, and which words follow which. */
    private static final class Model {
        private final List<String> starts = new ArrayList<>();
        private final List<String> all = new ArrayList<>();
        private final Map<String, List<String>> next = new HashMap<>();

        void learn(String line) {
            Matcher m = WORD.matcher(line);
            String previous = null;
            while (m.find()) {
                String word = m.group();
                all.add(word);
                if (previous == null) {
                    starts.add(word);
                } else {
                    next.computeIfAbsent(previous, k -> new ArrayList<>()).add(word);
                }
                previous = word;
            }
        }

        String line(Random random, int minWords, int maxWords) {
            int words = minWords + random.nextInt(maxWords - minWords + 1);
            StringBuilder sb = new StringBuilder();
            String word = starts.get(random.nextInt(starts.size()));
            for (int i = 0; i < words; i++) {
                if (i > 0) {
                    List<String> followers = next.get(word);
                    word = followers != null && random.nextDouble() < FOLLOW
                            ? followers.get(random.nextInt(followers.size()))
                            : all.get(random.nextInt(all.size()));
                    sb.append(' ');
                }
                sb.append(word);
            }
            return sb.toString();
        }
    }
}
