package no.folkevalgt.knowledge;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import no.folkevalgt.core.port.Passage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the organiser's material (a folder of .txt, .md, .pdf, .pptx and .docx files) into passages:
 * one per slide or page, or per section for .md and .docx. A file that cannot be read is reported
 * and skipped; the rest is still read.
 *
 * <pre>{@code
 * ContentReader reader = ContentReader.of(Path.of("content"));
 * if (!reader.contentHash().equals(hashOfTheIndex)) {
 *     Ingested material = reader.read((done, total, file, passages) ->
 *             log.info("{}/{} {}: {} passasjer", done, total, file, passages));
 *     material.problems().forEach(p -> log.warn("{}: {}", p.file(), p.message()));
 * }
 * }</pre>
 *
 * <p>Rules: files are read recursively in order of their relative path; hidden files and folders
 * and other file types are ignored. A .txt is a slide deck as extracted from a PDF: slides are
 * separated by a form feed or by two or more blank lines. A slide's title is its first line, its text
 * the other lines; lines that a PDF extraction wrapped are joined again. Slide numbers count empty
 * slides, so they match the deck. Programme day and part come from the deck's agenda and section
 * slides (see {@link DeckStructure}). Every passage carries the title its material is cited by (see
 * {@link MaterialTitle}: the organiser's {@code deck.tittel.txt}, the document's own title, or its
 * file name).
 */
public final class ContentReader {

    private static final Logger LOG = LoggerFactory.getLogger(ContentReader.class);

    /* A section of a .md or .docx longer than this is split, so a cited passage stays readable. */
    private static final int MAX_SECTION_CHARS = 1_000;

    private final Path folder;
    private final DeckTika tika;

    private ContentReader(Path folder, DeckTika tika) {
        this.folder = folder;
        this.tika = tika;
    }

    /** Reads every supported file under a folder (recursively, sorted by relative path). */
    public static ContentReader of(Path folder) {
        Objects.requireNonNull(folder, "folder");
        return new ContentReader(folder.toAbsolutePath().normalize(), new DeckTika());
    }

    /** For tests: a smaller limit on the text taken from one file. */
    static ContentReader of(Path folder, int writeLimit) {
        return new ContentReader(folder.toAbsolutePath().normalize(), new DeckTika(writeLimit));
    }

    /**
     * SHA-256 over the relative paths and bytes of the supported files, hex. Cheap: no parsing.
     * Changes when any supported file is added, removed or changed.
     *
     * @throws NoSuchFileException when the folder does not exist
     */
    public String contentHash() throws IOException {
        return ContentFiles.hash(folder, ContentFiles.list(folder).all());
    }

    /**
     * Parses everything; a broken/unreadable file is reported in problems (by relative name, Norwegian
     * message) and skipped, the rest is read. Never throws for a bad file.
     *
     * @param progress told after every file
     * @throws NoSuchFileException when the folder does not exist
     */
    public Ingested read(IngestProgress progress) throws IOException {
        Objects.requireNonNull(progress, "progress");
        ContentFiles.Listing listing = ContentFiles.list(folder);
        List<String> files = listing.files();
        String hash = ContentFiles.hash(folder, listing.all());
        List<Passage> passages = new ArrayList<>();
        List<Ingested.Problem> problems = new ArrayList<>(listing.problems());
        Map<String, MaterialTitle.TitleFile> titleFiles = MaterialTitle.read(folder, listing.titles(), files, problems);
        Set<String> badTitleFiles = new LinkedHashSet<>();
        titleFiles.values().stream().filter(t -> t.problem() != null).map(MaterialTitle.TitleFile::file)
                .sorted().forEach(badTitleFiles::add);
        int done = 0;
        for (String rel : files) {
            int count = 0;
            try {
                Read read = readFile(rel);
                if (read.passages().isEmpty()) {
                    problems.add(new Ingested.Problem(rel,
                            "Fant ingen tekst i filen (er den skannet, eller inneholder den bare bilder?)"));
                }
                MaterialTitle.TitleFile titleFile = titleFiles.get(ContentFiles.baseName(rel));
                String title = MaterialTitle.choose(rel, titleFile, read.metadataTitle());
                if (titleFile != null && titleFile.problem() != null && badTitleFiles.remove(titleFile.file())) {
                    badTitleFile(problems, titleFile, "; bruker «" + title + "» i stedet");
                }
                read.passages().forEach(p -> passages.add(p.withMaterial(title)));
                count = read.passages().size();
            } catch (ContentFailure e) {
                LOG.warn("Skipped {}: {}", rel, e.getCause() == null ? e.getMessage() : e.getCause().toString());
                problems.add(new Ingested.Problem(rel, e.getMessage()));
            }
            done++;
            progress.fileDone(done, files.size(), rel, count);
        }
        /* Title files of material that could not be read are reported all the same. */
        titleFiles.values().stream().filter(t -> badTitleFiles.contains(t.file()))
                .sorted(Comparator.comparing(MaterialTitle.TitleFile::file))
                .forEach(t -> badTitleFile(problems, t, ""));
        Map<String, List<String>> questions = QuestionBank.read(folder, listing.banks(), passages, problems);
        LOG.info("Read {} passages from {} files in {} ({} problems)", passages.size(), files.size(), folder, problems.size());
        return new Ingested(passages, problems, hash, questions);
    }

    private static void badTitleFile(List<Ingested.Problem> problems, MaterialTitle.TitleFile titleFile, String instead) {
        LOG.warn("Title file {} not used: {}", titleFile.file(), titleFile.problem());
        problems.add(new Ingested.Problem(titleFile.file(), titleFile.problem() + instead));
    }

    /** One file's passages (without the material's title yet) and the title its metadata gives ("" for none). */
    private record Read(List<Passage> passages, String metadataTitle) {
    }

    private Read readFile(String rel) throws ContentFailure {
        Path file = folder.resolve(rel);
        ContentFormat format = ContentFormat.of(rel).orElseThrow();
        checkReadable(file);
        return switch (format) {
            case TXT -> new Read(paged(rel, DeckSplitter.textSlides(text(file)), SlideText.Wrapping.PDF), "");
            case PDF -> {
                DeckTika.Parsed<List<String>> pages = tika.pdfPages(file);
                yield new Read(paged(rel, pages.content(), SlideText.Wrapping.PDF), pages.title());
            }
            case PPTX -> {
                DeckTika.Parsed<List<String>> slides = tika.pptxSlides(file);
                yield new Read(paged(rel, slides.content(), SlideText.Wrapping.NONE), slides.title());
            }
            case MD -> new Read(sectioned(rel, DeckSplitter.markdownSections(text(file)), SlideText.Wrapping.MARKDOWN), "");
            case DOCX -> {
                DeckTika.Parsed<List<DeckBlocksHandler.Block>> blocks = tika.docxBlocks(file);
                yield new Read(sectioned(rel, docxSections(blocks.content()), SlideText.Wrapping.NONE), blocks.title());
            }
        };
    }

    /** Slides or pages: numbered by position, empty ones counted but not kept. */
    private static List<Passage> paged(String rel, List<String> raws, SlideText.Wrapping wrapping) {
        List<DeckStructure.Slide> slides = new ArrayList<>();
        for (int i = 0; i < raws.size(); i++) {
            int number = i + 1;
            SlideText.of(null, raws.get(i), wrapping)
                    .ifPresent(s -> slides.add(new DeckStructure.Slide(number, s.title(), s.text())));
        }
        return DeckStructure.passages(rel, slides);
    }

    /** Sections: long ones split, numbered in order. */
    private static List<Passage> sectioned(String rel, List<DeckSection> sections, SlideText.Wrapping wrapping) {
        List<DeckStructure.Slide> slides = new ArrayList<>();
        for (DeckSection section : sections) {
            List<String> lines = SlideText.logicalLines(section.raw(), wrapping);
            for (SlideText chunk : SlideText.chunks(section.heading(), lines, MAX_SECTION_CHARS)) {
                slides.add(new DeckStructure.Slide(slides.size() + 1, chunk.title(), chunk.text()));
            }
        }
        return DeckStructure.passages(rel, slides);
    }

    /** A section per h1-h3 heading; without such headings, one section that is then cut into chunks. */
    static List<DeckSection> docxSections(List<DeckBlocksHandler.Block> blocks) {
        boolean headed = blocks.stream().anyMatch(b -> b.level() >= 1 && b.level() <= 3);
        List<DeckSection> sections = new ArrayList<>();
        String heading = null;
        StringBuilder raw = new StringBuilder();
        for (DeckBlocksHandler.Block block : blocks) {
            if (headed && block.level() >= 1 && block.level() <= 3) {
                DeckSection done = new DeckSection(heading, raw.toString());
                if (!done.isBlank()) {
                    sections.add(done);
                }
                heading = block.text().replaceAll("\\s+", " ");
                raw.setLength(0);
            } else {
                raw.append(block.text()).append('\n');
            }
        }
        DeckSection last = new DeckSection(heading, raw.toString());
        if (!last.isBlank()) {
            sections.add(last);
        }
        return sections;
    }

    private static void checkReadable(Path file) throws ContentFailure {
        try {
            long size = Files.size(file);
            if (size > ContentFiles.MAX_BYTES) {
                throw new ContentFailure("Filen er for stor (" + (size / (1024 * 1024)) + " MB); grensen er "
                        + ContentFiles.MAX_BYTES / (1024 * 1024) + " MB. Filen ble hoppet over");
            }
            try (var in = Files.newInputStream(file)) {
                in.read();
            }
        } catch (AccessDeniedException e) {
            throw new ContentFailure("Kunne ikke lese filen: mangler lesetilgang", e);
        } catch (NoSuchFileException e) {
            throw new ContentFailure("Kunne ikke lese filen: den ble borte mens den ble lest", e);
        } catch (IOException e) {
            throw new ContentFailure("Kunne ikke lese filen: " + e.getClass().getSimpleName(), e);
        }
    }

    /**
     * A text file's content: UTF-8 (with or without BOM), UTF-16 with a BOM, or else Windows-1252,
     * which is what older Norwegian Windows tools write.
     */
    static String text(Path file) throws ContentFailure {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ContentFailure("Kunne ikke lese filen: " + e.getClass().getSimpleName(), e);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xfe && (bytes[1] & 0xff) == 0xff
                || bytes.length >= 2 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xfe) {
            return new String(bytes, StandardCharsets.UTF_16);
        }
        int probe = Math.min(bytes.length, 8192);
        for (int i = 0; i < probe; i++) {
            if (bytes[i] == 0) {
                throw new ContentFailure("Kunne ikke lese filen: den ser ikke ut som en tekstfil");
            }
        }
        int offset = bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb
                && (bytes[2] & 0xff) == 0xbf ? 3 : 0;
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
                    .toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, Charset.forName("windows-1252"));
        }
    }
}
