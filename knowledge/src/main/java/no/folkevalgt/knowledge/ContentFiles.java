package no.folkevalgt.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;

/** Lists the supported files of a content folder and hashes them. */
final class ContentFiles {

    /** Files larger than this are skipped, and hashed by size and time instead of bytes. */
    static final long MAX_BYTES = 50L * 1024 * 1024;

    /**
     * The supported files and the folders that could not be listed.
     *
     * @param files    material: paths relative to the folder, with "/" between names, sorted
     * @param banks    question banks ({@value QuestionBank#SUFFIX}) beside the material, the same way
     * @param titles   title files ({@value MaterialTitle#SUFFIX}) beside the material, the same way
     * @param problems folders that could not be read
     */
    record Listing(List<String> files, List<String> banks, List<String> titles, List<Ingested.Problem> problems) {

        /** Everything whose bytes make up the content: the material, its question banks and title files, sorted. */
        List<String> all() {
            List<String> all = new ArrayList<>(files);
            all.addAll(banks);
            all.addAll(titles);
            all.sort(null);
            return all;
        }
    }

    private ContentFiles() {
    }

    /**
     * Lists every supported file under the folder, recursively, sorted by relative path. Hidden files
     * and folders (name starting with '.') and Office lock files ("~$...") are left out.
     *
     * @throws NoSuchFileException when the folder does not exist
     */
    static Listing list(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new NoSuchFileException(folder.toString(), null, "Fant ikke innholdsmappen");
        }
        List<String> files = new ArrayList<>();
        List<String> banks = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        List<Ingested.Problem> problems = new ArrayList<>();
        /* Links are followed (an organiser may link a deck in); loops are detected and skipped by the walk. */
        Files.walkFileTree(folder, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return !dir.equals(folder) && hidden(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                String name = file.getFileName().toString();
                if (attrs.isRegularFile() && !hidden(file) && !name.startsWith("~$")) {
                    if (QuestionBank.isBank(name)) {
                        banks.add(relative(folder, file));
                    } else if (MaterialTitle.isTitleFile(name)) {
                        titles.add(relative(folder, file));
                    } else if (ContentFormat.of(name).isPresent()) {
                        files.add(relative(folder, file));
                    }
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                if (e instanceof FileSystemLoopException) {
                    return FileVisitResult.CONTINUE;
                }
                if (!hidden(file) && (Files.isDirectory(file) || ContentFormat.of(file.getFileName().toString()).isPresent())) {
                    problems.add(new Ingested.Problem(relative(folder, file), "Kunne ikke lese mappen eller filen: mangler tilgang"));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        files.sort(null);
        banks.sort(null);
        titles.sort(null);
        problems.sort((a, b) -> a.file().compareTo(b.file()));
        return new Listing(List.copyOf(files), List.copyOf(banks), List.copyOf(titles), List.copyOf(problems));
    }

    /**
     * SHA-256 over each file's relative path, size and bytes, in order, as hex. A file that cannot be
     * read, or is too large to read, counts by its path, size and modification time instead.
     */
    static String hash(Path folder, List<String> files) throws IOException {
        MessageDigest digest = sha256();
        byte[] buffer = new byte[64 * 1024];
        for (String rel : files) {
            Path file = folder.resolve(rel);
            digest.update(rel.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            long size = sizeOrMinusOne(file);
            digest.update(ByteBuffer.allocate(Long.BYTES).putLong(size).array());
            if (size > MAX_BYTES || size < 0 || !hashBytes(file, digest, buffer)) {
                digest.update(("unread:" + modified(file)).getBytes(StandardCharsets.UTF_8));
            }
            digest.update((byte) 0);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * A file's path relative to the content folder without its extension ({@code kurs/deck.txt} →
     * {@code kurs/deck}): the name its sidecar files (question bank, title) are found by.
     */
    static String baseName(String rel) {
        int dot = rel.lastIndexOf('.');
        int slash = rel.lastIndexOf('/');
        return dot > slash + 1 ? rel.substring(0, dot) : rel;
    }

    static String relative(Path folder, Path file) {
        Path rel = folder.relativize(file);
        List<String> names = new ArrayList<>();
        rel.forEach(p -> names.add(p.toString()));
        return String.join("/", names);
    }

    private static boolean hidden(Path path) {
        Path name = path.getFileName();
        return name != null && name.toString().startsWith(".");
    }

    /* Hashes the bytes into a scratch digest first, so a read error half way leaves the main digest clean. */
    private static boolean hashBytes(Path file, MessageDigest digest, byte[] buffer) {
        MessageDigest scratch = sha256();
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                scratch.update(buffer, 0, n);
            }
        } catch (IOException e) {
            return false;
        }
        digest.update(scratch.digest());
        return true;
    }

    private static long sizeOrMinusOne(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    private static String modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toString();
        } catch (IOException e) {
            return "?";
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
