package no.folkevalgt.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import no.folkevalgt.core.port.Citation;
import no.folkevalgt.core.port.Passage;
import no.folkevalgt.knowledge.ContentTestFiles.Para;
import no.folkevalgt.knowledge.ContentTestFiles.Slide;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The title users see material cited by: the organiser's title file, the document's own title, its file name. */
class MaterialTitleTest {

    /** The rules, one source at a time. */
    @Nested
    class Rules {

        @Test
        void titleFile_oneLine_isTheTitle_withItsSpacesTidied() {
            assertThat(MaterialTitle.parse("deck.tittel.txt", "  KS Folkevalgtprogram,  Rakkestad 2019\r\n\n").title())
                    .isEqualTo("KS Folkevalgtprogram, Rakkestad 2019");
            assertThat(MaterialTitle.parse("deck.tittel.txt", "Å".repeat(MaterialTitle.MAX_LENGTH)).title())
                    .hasSize(MaterialTitle.MAX_LENGTH);
        }

        @Test
        void badTitleFile_saysWhyInNorwegian_andGivesNoTitle() {
            assertThat(List.of(
                    MaterialTitle.parse("a.tittel.txt", " \n\t\n"),
                    MaterialTitle.parse("a.tittel.txt", "Folkevalgtprogrammet\nDag 2"),
                    MaterialTitle.parse("a.tittel.txt", "x".repeat(MaterialTitle.MAX_LENGTH + 1)),
                    MaterialTitle.parse("a.tittel.txt", "Folkevalgt\u0007programmet"),
                    MaterialTitle.parse("a.tittel.txt", "Folkevalgt\u202Eprogrammet")))
                    .extracting(MaterialTitle.TitleFile::title, MaterialTitle.TitleFile::problem)
                    .containsExactly(
                            tuple(null, "Tittelfilen er tom"),
                            tuple(null, "Tittelfilen har mer enn én linje; tittelen skal stå på én linje"),
                            tuple(null, "Tittelen er lengre enn 100 tegn"),
                            tuple(null, "Tittelen inneholder kontrolltegn eller usynlige tegn"),
                            tuple(null, "Tittelen inneholder kontrolltegn eller usynlige tegn"));
        }

        @Test
        void metadataTitle_thatSaysSomething_isKept() {
            assertThat(MaterialTitle.fromMetadata("  Folkevalgtopplæring\n 2023 ", "mappe/deck.pptx"))
                    .isEqualTo("Folkevalgtopplæring 2023");
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "   ", "PowerPoint Presentation", "PowerPoint-presentasjon", "Presentation",
                "Presentasjon1", "Slide 1", "Lysbilde 1", "Dokument2", "Untitled", "Microsoft Word - referat.docx",
                "Microsoft PowerPoint - deck.pptx", "deck", "DECK.pptx", "Deck pptx", "budsjett-2024.pdf", "---",
                "En tittel som er altfor lang for en kildehenvisning fordi den fortsetter og fortsetter og fortsetter uten stans"})
        void metadataTitle_thatSaysNothing_isLeftOut(String title) {
            assertThat(MaterialTitle.fromMetadata(title, "mappe/deck.pptx")).isEmpty();
        }

        @Test
        void fileName_isMadeReadable_asTheLastResort() {
            assertThat(MaterialTitle.fromFileName("mappe/ks-folkevalgtprogram_rakkestad--2019.txt"))
                    .isEqualTo("ks folkevalgtprogram rakkestad 2019");
            assertThat(MaterialTitle.fromFileName("-.txt")).isEqualTo("-.txt");
        }

        @Test
        void choice_titleFileFirst_thenMetadata_thenFileName() {
            MaterialTitle.TitleFile good = new MaterialTitle.TitleFile("deck.tittel.txt", "Fra tittelfilen", null);
            MaterialTitle.TitleFile bad = new MaterialTitle.TitleFile("deck.tittel.txt", null, "Tittelfilen er tom");
            assertThat(MaterialTitle.choose("deck.pptx", good, "Fra dokumentet")).isEqualTo("Fra tittelfilen");
            assertThat(MaterialTitle.choose("deck.pptx", bad, "Fra dokumentet")).isEqualTo("Fra dokumentet");
            assertThat(MaterialTitle.choose("deck.pptx", null, "Slide 1")).isEqualTo("deck");
            assertThat(MaterialTitle.choose("deck.pptx", null, "")).isEqualTo("deck");
        }
    }

    /** Reading a content folder: every passage carries its material's title. */
    @Nested
    class Reading {

        @TempDir
        Path dir;

        @Test
        void titleFile_besideTheDeck_namesTheMaterial_andIsNotReadAsADeck() throws IOException {
            write("ks-folkevalgtprogram-rakkestad-2019.txt", "Interpellasjon\n• Et spørsmål til ordføreren\n\n\nSaklista\n• Hva møtet behandler");
            write("ks-folkevalgtprogram-rakkestad-2019.tittel.txt", "KS Folkevalgtprogram, Rakkestad 2019\n");

            Ingested in = read();

            assertThat(in.problems()).isEmpty();
            assertThat(in.passages()).extracting(Passage::source, Passage::slide, Passage::material).containsExactly(
                    tuple("ks-folkevalgtprogram-rakkestad-2019.txt", 1, "KS Folkevalgtprogram, Rakkestad 2019"),
                    tuple("ks-folkevalgtprogram-rakkestad-2019.txt", 2, "KS Folkevalgtprogram, Rakkestad 2019"));
            assertThat(Citation.of(in.passages().get(0)).reference())
                    .isEqualTo("«Interpellasjon», lysbilde 1 (KS Folkevalgtprogram, Rakkestad 2019)");
        }

        @Test
        void titleFile_winsOverTheDocumentsOwnTitle() throws IOException {
            ContentTestFiles.pptx(dir.resolve("deck.pptx"), List.of(new Slide("Interpellasjon", "Et spørsmål", "")), null,
                    "Tittel fra PowerPoint");
            write("deck.tittel.txt", "Tittel fra arrangøren");

            assertThat(read().passages()).extracting(Passage::material).containsExactly("Tittel fra arrangøren");
        }

        @Test
        void pptxTitle_isUsed_notTheFirstSlidesText() throws IOException {
            ContentTestFiles.pptx(dir.resolve("opplaering.pptx"), List.of(
                    new Slide("Interpellasjon", "Et spørsmål til ordføreren", ""),
                    new Slide("Saklista", "Hva møtet behandler", "")), null, "Folkevalgtopplæring 2023");

            assertThat(read().passages()).extracting(Passage::title, Passage::material).containsExactly(
                    tuple("Interpellasjon", "Folkevalgtopplæring 2023"),
                    tuple("Saklista", "Folkevalgtopplæring 2023"));
        }

        @Test
        void docxAndPdfTitles_areUsed() throws IOException {
            ContentTestFiles.docx(dir.resolve("a-veileder.docx"), List.of(new Para(1, "Innledning"), new Para(0, "Om rollen.")),
                    "Veileder for nye folkevalgte");
            ContentTestFiles.pdf(dir.resolve("b-budsjett.pdf"), List.of(List.of("Budsjett", "Frie inntekter")), null,
                    "Budsjettprosessen i kommunen");

            assertThat(read().passages()).extracting(Passage::source, Passage::material).containsOnly(
                    tuple("a-veileder.docx", "Veileder for nye folkevalgte"),
                    tuple("b-budsjett.pdf", "Budsjettprosessen i kommunen"));
        }

        @Test
        void uselessOrMissingTitle_fallsBackToTheFileName_neverToTheFirstSlide() throws IOException {
            ContentTestFiles.pptx(dir.resolve("a_dag-1.pptx"), List.of(new Slide("Interpellasjon", "Et spørsmål", "")), null,
                    "PowerPoint-presentasjon");
            ContentTestFiles.pptx(dir.resolve("b_dag-2.pptx"), List.of(new Slide("Saklista", "Hva møtet behandler", "")), null);
            write("c-notater.md", "# Interpellasjon\nEt spørsmål til ordføreren.\n");

            assertThat(read().passages()).extracting(Passage::source, Passage::material).containsExactly(
                    tuple("a_dag-1.pptx", "a dag 1"),
                    tuple("b_dag-2.pptx", "b dag 2"),
                    tuple("c-notater.md", "c notater"));
        }

        @Test
        void badTitleFile_isReportedInNorwegian_andTheTitleFallsBack_theDeckIsStillRead() throws IOException {
            ContentTestFiles.pptx(dir.resolve("deck.pptx"), List.of(new Slide("Interpellasjon", "Et spørsmål", "")), null,
                    "Folkevalgtopplæring 2023");
            write("deck.tittel.txt", "Folkevalgtopplæring\nDag 1");
            write("notat.txt", "Saklista\n• Hva møtet behandler");
            write("notat.tittel.txt", "");

            Ingested in = read();

            assertThat(in.passages()).extracting(Passage::source, Passage::material).containsExactly(
                    tuple("deck.pptx", "Folkevalgtopplæring 2023"),
                    tuple("notat.txt", "notat"));
            assertThat(in.problems()).extracting(Ingested.Problem::file, Ingested.Problem::message).containsExactly(
                    tuple("deck.tittel.txt", "Tittelfilen har mer enn én linje; tittelen skal stå på én linje; "
                            + "bruker «Folkevalgtopplæring 2023» i stedet"),
                    tuple("notat.tittel.txt", "Tittelfilen er tom; bruker «notat» i stedet"));
            assertThat(in.problems()).allMatch(Ingested.Problem::inTitleFile).noneMatch(Ingested.Problem::inQuestionBank);
        }

        @Test
        void titleFile_ofNoDeck_isReported() throws IOException {
            write("deck.txt", "Saklista\n• Hva møtet behandler");
            write("annet.tittel.txt", "Et annet program");

            Ingested in = read();

            assertThat(in.passages()).extracting(Passage::material).containsExactly("deck");
            assertThat(in.problems()).extracting(Ingested.Problem::file, Ingested.Problem::message).containsExactly(
                    tuple("annet.tittel.txt", "Tittelfilen hører ikke til noen fil i materialet: fant ingen fil som heter "
                            + "annet med en av endelsene .txt, .md, .pdf, .pptx eller .docx"));
        }

        @Test
        void titleFileOfADeckThatCannotBeRead_isStillReported() throws IOException {
            Files.write(dir.resolve("ødelagt.pdf"), new byte[] {1, 2, 3});
            write("ødelagt.tittel.txt", "x".repeat(200));

            assertThat(read().problems()).extracting(Ingested.Problem::file, Ingested.Problem::message).containsExactly(
                    tuple("ødelagt.pdf", "Kunne ikke lese filen: ødelagt eller ukjent format"),
                    tuple("ødelagt.tittel.txt", "Tittelen er lengre enn 100 tegn"));
        }

        @Test
        void contentHash_changes_whenATitleFileIsAddedOrChanged() throws IOException {
            write("deck.txt", "Saklista\n• Hva møtet behandler");
            ContentReader reader = ContentReader.of(dir);
            String before = reader.contentHash();
            write("deck.tittel.txt", "Program A");
            String added = reader.contentHash();
            write("deck.tittel.txt", "Program B");
            String changed = reader.contentHash();

            assertThat(List.of(before, added, changed)).doesNotHaveDuplicates();
        }

        private Ingested read() throws IOException {
            return ContentReader.of(dir).read(IngestProgress.NONE);
        }

        private void write(String name, String text) throws IOException {
            Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
        }
    }
}
