package no.folkevalgt.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import no.folkevalgt.core.port.Passage;
import no.folkevalgt.knowledge.ContentTestFiles.Para;
import no.folkevalgt.knowledge.ContentTestFiles.Slide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentReaderTest {

    @TempDir
    Path dir;

    // ---- plain text decks

    @Test
    void txt_slidesSeparatedByTwoOrMoreBlankLines_titleIsFirstLine_wrappedLinesJoined() throws IOException {
        write("deck.txt", """
                Første lysbilde
                • Et punkt som er brutt\s
                over to linjer

                • Et annet punkt


                Hvordan finne det økonomiske\s
                handlingsrommet?
                • Inntekter



                Tredje
                """);

        Ingested in = read();

        assertThat(in.passages()).extracting(Passage::slide, Passage::title, Passage::text).containsExactly(
                tuple(1, "Første lysbilde", "• Et punkt som er brutt over to linjer\n• Et annet punkt"),
                tuple(2, "Hvordan finne det økonomiske handlingsrommet?", "• Inntekter"),
                tuple(3, "Tredje", ""));
    }

    @Test
    void txt_formFeedSeparatesSlides_andEmptySlidesStillCount() throws IOException {
        write("deck.txt", "En\nTekst\f\fTo\n\n\n\nfortsatt to\fTre\f");

        assertThat(read().passages()).extracting(Passage::slide, Passage::title, Passage::text).containsExactly(
                tuple(1, "En", "Tekst"),
                tuple(3, "To", "fortsatt to"),
                tuple(4, "Tre", ""));
    }

    @Test
    void txt_longRunOfBlankLines_isAnEmptyPage_asTikaWritesIt() throws IOException {
        /* Tika ends a page with 3 blank lines (2 after a link); an empty page adds 2 more. */
        write("deck.txt", "\nEn\n\n\n\nTo\n\n\n\n\n\nTre\nhttps://ks.no/\n\n\n\n\nFire\n");

        assertThat(read().passages()).extracting(Passage::slide, Passage::title)
                .containsExactly(tuple(1, "En"), tuple(2, "To"), tuple(4, "Tre"), tuple(6, "Fire"));
    }

    @Test
    void txt_inWindows1252_isReadToo() throws IOException {
        Files.write(dir.resolve("gammel.txt"), "Møteplikt\nÅpne møter".getBytes(Charset.forName("windows-1252")));

        assertThat(read().passages()).extracting(Passage::title, Passage::text).containsExactly(tuple("Møteplikt", "Åpne møter"));
    }

    // ---- Markdown

    @Test
    void md_splitsOnHeadingsUpToLevelThree_headingIsTitle() throws IOException {
        write("notat.md", """
                Innledende tekst
                over to linjer.

                # Møteplikt
                Alle **medlemmer** har møteplikt.

                ## Interpellasjon
                - Et [spørsmål](https://ks.no) til ordføreren
                - Må meldes på forhånd

                #### Detalj
                ```
                # ikke en overskrift
                ```
                ### Tom seksjon
                """);

        assertThat(read().passages()).extracting(Passage::slide, Passage::title, Passage::text).containsExactly(
                tuple(1, "Innledende tekst over to linjer.", ""),
                tuple(2, "Møteplikt", "Alle medlemmer har møteplikt."),
                tuple(3, "Interpellasjon", "- Et spørsmål (https://ks.no) til ordføreren\n- Må meldes på forhånd\nDetalj\n```\n# ikke en overskrift\n```"),
                tuple(4, "Tom seksjon", ""));
    }

    @Test
    void md_longSection_isSplitIntoCitablePassages() throws IOException {
        StringBuilder md = new StringBuilder("# Lang seksjon\n");
        for (int i = 1; i <= 30; i++) {
            md.append("\nAvsnitt ").append(i).append(" handler om kommunestyret og dets arbeid med budsjett og planer.\n");
        }
        write("lang.md", md.toString());

        List<Passage> passages = read().passages();

        assertThat(passages).hasSizeGreaterThan(1);
        assertThat(passages.get(0).title()).isEqualTo("Lang seksjon");
        assertThat(passages.get(1).title()).isEqualTo("Lang seksjon (forts.)");
        assertThat(passages).extracting(Passage::slide).containsExactly(
                java.util.stream.IntStream.rangeClosed(1, passages.size()).boxed().toArray(Integer[]::new));
        assertThat(passages).allSatisfy(p -> assertThat(p.text().length()).isLessThanOrEqualTo(1_000));
        assertThat(String.join("\n", passages.stream().map(Passage::text).toList())).contains("Avsnitt 1 ", "Avsnitt 30 ");
    }

    // ---- PDF

    @Test
    void pdf_onePassagePerPage_numberedByPage_emptyPagesCounted() throws IOException {
        ContentTestFiles.pdf(dir.resolve("deck.pdf"), List.of(
                List.of("Hvordan finne det økonomiske ", "handlingsrommet?", "• Skatt og rammetilskudd"),
                List.of(),
                List.of("• Ordfører for alle", "• Kan treffe vedtak i ", "hastesaker")), null);

        assertThat(read().passages()).extracting(Passage::slide, Passage::title, Passage::text).containsExactly(
                tuple(1, "Hvordan finne det økonomiske handlingsrommet?", "• Skatt og rammetilskudd"),
                tuple(3, "Ordfører for alle", "• Kan treffe vedtak i hastesaker"));
    }

    // ---- PowerPoint

    @Test
    void pptx_onePassagePerSlide_notesAndMasterTextMakeNoPassages() throws IOException {
        ContentTestFiles.pptx(dir.resolve("deck.pptx"), List.of(
                new Slide("Møteplikt", "Alle medlemmer har møteplikt\nForfall meldes skriftlig", "Husk å si noe om vara"),
                new Slide("", "", ""),
                new Slide("Interpellasjon", "Et spørsmål til ordføreren", "Notat to")), "Bunntekst fra masteren");

        Ingested in = read();

        assertThat(in.problems()).isEmpty();
        assertThat(in.passages()).extracting(Passage::slide, Passage::title, Passage::text).containsExactly(
                tuple(1, "Møteplikt", "Alle medlemmer har møteplikt\nForfall meldes skriftlig"),
                tuple(3, "Interpellasjon", "Et spørsmål til ordføreren"));
    }

    @Test
    void pptx_lowercaseParagraphs_areNotJoined_becauseSlidesAreNotWrapped() throws IOException {
        ContentTestFiles.pptx(dir.resolve("deck.pptx"), List.of(
                new Slide("Eksempler", "plansmie\nfremtidsverksted", "")), null);

        assertThat(read().passages()).extracting(Passage::text).containsExactly("plansmie\nfremtidsverksted");
    }

    @Test
    void pptx_agendaAndSectionSlides_giveDayAndPart_withoutBulletCharacters() throws IOException {
        ContentTestFiles.pptx(dir.resolve("program.pptx"), List.of(
                new Slide("Velkommen", "Folkevalgtopplæring", ""),
                new Slide("Programmet", "Dag 1: kl. 09.00\n09.15 Rollen som folkevalgt\n12.00 Lunsj\nDag 2\nKommuneøkonomi", ""),
                new Slide("Rollen som folkevalgt", "", ""),
                new Slide("Møteplikt", "Alle medlemmer har møteplikt", ""),
                new Slide("Kommuneøkonomi!", "Foto: KS", ""),
                new Slide("Frie inntekter", "Skatt og rammetilskudd", "")), null);

        assertThat(read().passages()).extracting(Passage::title, Passage::day, Passage::part).containsExactly(
                tuple("Velkommen", 0, ""),
                tuple("Programmet", 1, ""),
                tuple("Rollen som folkevalgt", 1, "Rollen som folkevalgt"),
                tuple("Møteplikt", 1, "Rollen som folkevalgt"),
                tuple("Kommuneøkonomi!", 2, "Kommuneøkonomi"),
                tuple("Frie inntekter", 2, "Kommuneøkonomi"));
    }

    // ---- Word

    @Test
    void docx_onePassagePerHeadingSection() throws IOException {
        ContentTestFiles.docx(dir.resolve("veileder.docx"), List.of(
                new Para(0, "Veileder for nye folkevalgte"),
                new Para(1, "Møteplikt"),
                new Para(0, "Alle medlemmer har møteplikt."),
                new Para(0, "Forfall meldes skriftlig."),
                new Para(2, "Interpellasjon"),
                new Para(0, "Et spørsmål til ordføreren.")));

        assertThat(read().passages()).extracting(Passage::slide, Passage::title, Passage::text).containsExactly(
                tuple(1, "Veileder for nye folkevalgte", ""),
                tuple(2, "Møteplikt", "Alle medlemmer har møteplikt.\nForfall meldes skriftlig."),
                tuple(3, "Interpellasjon", "Et spørsmål til ordføreren."));
    }

    @Test
    void docx_withoutHeadings_isCutIntoChunksOfParagraphs() throws IOException {
        List<Para> paragraphs = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            paragraphs.add(new Para(0, "Avsnitt " + i + ": kommunestyret er arbeidsgiver for kommunedirektøren og vedtar budsjettet."));
        }
        ContentTestFiles.docx(dir.resolve("notat.docx"), paragraphs);

        List<Passage> passages = read().passages();

        assertThat(passages).hasSizeBetween(2, 4);
        assertThat(passages.get(0).title()).startsWith("Avsnitt 1:");
        assertThat(passages.get(1).title()).startsWith("Avsnitt ");
        assertThat(passages).allSatisfy(p -> assertThat(p.title().length() + p.text().length()).isLessThanOrEqualTo(1_000));
        assertThat(passages).extracting(Passage::slide).startsWith(1, 2);
    }

    // ---- problems

    @Test
    void brokenFiles_areReportedByName_andTheOthersAreStillRead() throws IOException {
        write("a-god.txt", "Møteplikt\nAlle har møteplikt");
        byte[] garbage = new byte[2048];
        new Random(7).nextBytes(garbage);
        Files.write(dir.resolve("b-søppel.pptx"), garbage);
        Files.write(dir.resolve("c-tom.docx"), new byte[0]);
        Files.write(dir.resolve("d-ødelagt.pdf"), garbage);
        ContentTestFiles.pdf(dir.resolve("e-låst.pdf"), List.of(List.of("Hemmelig")), "passord");
        ContentTestFiles.pptx(dir.resolve("f-god.pptx"), List.of(new Slide("Interpellasjon", "Et spørsmål", "")), null);

        Ingested in = read();

        assertThat(in.passages()).extracting(Passage::source, Passage::title)
                .containsExactly(tuple("a-god.txt", "Møteplikt"), tuple("f-god.pptx", "Interpellasjon"));
        assertThat(in.problems()).extracting(Ingested.Problem::file)
                .containsExactly("b-søppel.pptx", "c-tom.docx", "d-ødelagt.pdf", "e-låst.pdf");
        assertThat(in.problems()).filteredOn(p -> !p.file().equals("e-låst.pdf"))
                .extracting(Ingested.Problem::message)
                .containsOnly("Kunne ikke lese filen: ødelagt eller ukjent format");
        assertThat(in.problems()).filteredOn(p -> p.file().equals("e-låst.pdf"))
                .extracting(Ingested.Problem::message)
                .containsExactly("Kunne ikke lese filen: den er passordbeskyttet");
    }

    @Test
    void fileWithoutText_isReported() throws IOException {
        write("tom.txt", "\n\n   \n");
        ContentTestFiles.pdf(dir.resolve("skannet.pdf"), List.of(List.of(), List.of()), null);

        Ingested in = read();

        assertThat(in.passages()).isEmpty();
        assertThat(in.problems()).extracting(Ingested.Problem::file).containsExactly("skannet.pdf", "tom.txt");
        assertThat(in.problems()).allSatisfy(p -> assertThat(p.message()).startsWith("Fant ingen tekst i filen"));
    }

    @Test
    void fileOverFiftyMegabytes_isSkippedWithAMessage() throws IOException {
        try (RandomAccessFile big = new RandomAccessFile(dir.resolve("stor.pdf").toFile(), "rw")) {
            big.setLength(51L * 1024 * 1024); // sparse: costs no disk
        }
        write("liten.txt", "Liten\ntekst");

        Ingested in = read();

        assertThat(in.passages()).extracting(Passage::source).containsExactly("liten.txt");
        assertThat(in.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("stor.pdf");
            assertThat(p.message()).contains("for stor").contains("50 MB");
        });
    }

    @Test
    void parseIsBoundedByAWriteLimit() throws IOException {
        ContentTestFiles.pdf(dir.resolve("mye.pdf"), List.of(List.of("Dette er en side med ganske mye tekst")), null);

        Ingested in = ContentReader.of(dir, 10).read(IngestProgress.NONE);

        assertThat(in.passages()).isEmpty();
        assertThat(in.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("for mye tekst"));
    }

    @Test
    void unreadableFile_isReported() throws IOException {
        write("god.txt", "God\ntekst");
        Path locked = write("låst.txt", "Låst\ntekst");
        try {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        } catch (UnsupportedOperationException e) {
            assumeThat(false).as("POSIX permissions are not supported here").isTrue();
        }
        assumeThat(Files.isReadable(locked)).as("running as a user who can read anything (root)").isFalse();

        Ingested in = read();

        assertThat(in.passages()).extracting(Passage::source).containsExactly("god.txt");
        assertThat(in.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("låst.txt");
            assertThat(p.message()).startsWith("Kunne ikke lese filen");
        });
    }

    @Test
    void missingFolder_isAnError() {
        ContentReader reader = ContentReader.of(dir.resolve("finnes-ikke"));

        assertThatThrownBy(() -> reader.read(IngestProgress.NONE)).isInstanceOf(NoSuchFileException.class);
        assertThatThrownBy(reader::contentHash).isInstanceOf(NoSuchFileException.class);
    }

    // ---- which files, in which order

    @Test
    void unsupportedHiddenAndLockFiles_areIgnored_andFilesAreReadRecursivelyInPathOrder() throws IOException {
        write("b/del.TXT", "B\nTekst");
        write("a.md", "# A\ntekst");
        write("c.txt", "C\nTekst");
        write("CREDITS", "Ikke\nmed");
        Files.write(dir.resolve("bilde.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        write(".skjult.txt", "Skjult\nfil");
        write(".git/notat.md", "# Skjult\nmappe");
        Files.write(dir.resolve("~$deck.pptx"), new byte[] {1, 2, 3});
        List<String> progressed = new ArrayList<>();

        Ingested in = ContentReader.of(dir).read((done, total, file, passages) -> progressed.add(file));

        assertThat(in.problems()).isEmpty();
        assertThat(in.passages()).extracting(Passage::source, Passage::title)
                .containsExactly(tuple("a.md", "A"), tuple("b/del.TXT", "B"), tuple("c.txt", "C"));
        assertThat(progressed).containsExactly("a.md", "b/del.TXT", "c.txt");
    }

    @Test
    void linkedFiles_areRead_andALinkLoopDoesNotHang(@TempDir Path elsewhere) throws IOException {
        Path deck = Files.writeString(elsewhere.resolve("deck.txt"), "Lenket\nTekst");
        try {
            Files.createSymbolicLink(dir.resolve("lenke.txt"), deck);
            Files.createDirectories(dir.resolve("mappe"));
            Files.createSymbolicLink(dir.resolve("mappe/sirkel"), dir);
        } catch (UnsupportedOperationException | IOException e) {
            assumeThat(false).as("symbolic links are not supported here").isTrue();
        }

        Ingested in = read();

        assertThat(in.passages()).extracting(Passage::source, Passage::title).containsExactly(tuple("lenke.txt", "Lenket"));
        assertThat(in.problems()).isEmpty();
    }

    @Test
    void progress_isToldAfterEveryFile_withCounts() throws IOException {
        write("a.txt", "En\n\n\nTo");
        Files.write(dir.resolve("b.docx"), new byte[0]);
        write("c.md", "# Tre");
        List<String> calls = new ArrayList<>();

        ContentReader.of(dir).read((done, total, file, passages) -> calls.add(done + "/" + total + " " + file + " " + passages));

        assertThat(calls).containsExactly("1/3 a.txt 2", "2/3 b.docx 0", "3/3 c.md 1");
    }

    // ---- content hash

    @Test
    void contentHash_isStable_andIgnoresUnsupportedFiles() throws IOException {
        write("deck.txt", "En\ntekst");
        write("sub/notat.md", "# To");
        ContentReader reader = ContentReader.of(dir);
        String first = reader.contentHash();

        write("CREDITS", "ikke med");
        write(".skjult.txt", "ikke med");

        assertThat(first).matches("[0-9a-f]{64}");
        assertThat(reader.contentHash()).isEqualTo(first);
        assertThat(ContentReader.of(dir).read(IngestProgress.NONE).contentHash()).isEqualTo(first);
    }

    @Test
    void contentHash_isTheSame_forTheSameFilesInAnotherFolder(@TempDir Path other) throws IOException {
        write("deck.txt", "En\ntekst");
        Files.createDirectories(other.resolve("sub"));
        Files.writeString(other.resolve("deck.txt"), "En\ntekst");

        assertThat(ContentReader.of(other).contentHash()).isEqualTo(ContentReader.of(dir).contentHash());
    }

    @Test
    void contentHash_changes_whenAFileIsChangedAddedRenamedOrRemoved() throws IOException {
        write("deck.txt", "En\ntekst");
        ContentReader reader = ContentReader.of(dir);
        List<String> hashes = new ArrayList<>();
        hashes.add(reader.contentHash());

        write("deck.txt", "En\ntekst!");
        hashes.add(reader.contentHash());
        write("ny.md", "# Ny");
        hashes.add(reader.contentHash());
        Files.move(dir.resolve("ny.md"), dir.resolve("omdøpt.md"));
        hashes.add(reader.contentHash());
        Files.delete(dir.resolve("omdøpt.md"));
        hashes.add(reader.contentHash());

        assertThat(hashes.subList(0, 4)).doesNotHaveDuplicates();
        assertThat(hashes.get(4)).isEqualTo(hashes.get(1));
    }

    private Ingested read() throws IOException {
        return ContentReader.of(dir).read(IngestProgress.NONE);
    }

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }
}
