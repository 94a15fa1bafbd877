package no.folkevalgt.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexCommandTest {

    @TempDir
    Path home;
    Cli cli;

    @BeforeEach
    void setUp() throws Exception {
        cli = new Cli(home);
    }

    @Test
    void index_reportsPassagesFilesAndTime() {
        Cli.Result result = cli.run("index");

        assertThat(result.code()).isZero();
        assertThat(result.out()).matches("Indekserte 4 passasjer fra 1 fil på \\d+ ms\n");
        assertThat(cli.index).isNotEmptyDirectory();
    }

    @Test
    void index_ofAnotherFolder_listsSkippedFilesWithTheReason() throws Exception {
        Path other = Files.createDirectories(home.resolve("annet"));
        Files.writeString(other.resolve("a.txt"), Cli.DECK, StandardCharsets.UTF_8);
        Files.write(other.resolve("ødelagt.pdf"), "dette er ikke en pdf".getBytes(StandardCharsets.UTF_8));

        Cli.Result result = cli.run("index", other.toString());

        assertThat(result.code()).isZero();
        assertThat(result.out()).startsWith("Indekserte 4 passasjer fra 2 filer på ")
                .contains("Hoppet over 1 fil:\n  ødelagt.pdf: ");
    }

    @Test
    void index_listsQuestionBankMistakesByLine_apartFromSkippedFiles() throws Exception {
        Path other = Files.createDirectories(home.resolve("annet"));
        Files.writeString(other.resolve("a.txt"), Cli.DECK, StandardCharsets.UTF_8);
        Files.writeString(other.resolve("a.sporsmal.txt"), "[1]\nEt spørsmål\n[99]\nTil et lysbilde som ikke finnes\n",
                StandardCharsets.UTF_8);

        Cli.Result result = cli.run("index", other.toString());

        assertThat(result.code()).isZero();
        assertThat(result.out()).startsWith("Indekserte 4 passasjer fra 1 fil på ")
                .doesNotContain("Hoppet over")
                .contains("Merknader til spørsmålsbanken (resten av banken er tatt med):\n"
                        + "  a.sporsmal.txt: linje 3: lysbilde 99 finnes ikke");
    }

    @Test
    void index_listsBadTitleFiles_apartFromSkippedFiles_andTheMaterialIsIndexedWithItsFileName() throws Exception {
        Path other = Files.createDirectories(home.resolve("annet"));
        Files.writeString(other.resolve("mitt-program.txt"), Cli.DECK, StandardCharsets.UTF_8);
        Files.writeString(other.resolve("mitt-program.tittel.txt"), "Folkevalgtopplæring\nDag 1\n", StandardCharsets.UTF_8);
        Files.writeString(other.resolve("borte.tittel.txt"), "Et annet program\n", StandardCharsets.UTF_8);

        Cli.Result result = cli.run("index", other.toString());

        assertThat(result.code()).isZero();
        assertThat(result.out()).startsWith("Indekserte 4 passasjer fra 1 fil på ")
                .doesNotContain("Hoppet over")
                .contains("Merknader til tittelfilene (materialet er tatt med):\n"
                        + "  borte.tittel.txt: Tittelfilen hører ikke til noen fil i materialet: fant ingen fil som heter borte "
                        + "med en av endelsene .txt, .md, .pdf, .pptx eller .docx\n"
                        + "  mitt-program.tittel.txt: Tittelfilen har mer enn én linje; tittelen skal stå på én linje; "
                        + "bruker «mitt program» i stedet\n");
    }

    @Test
    void index_ofALargeFolder_reportsProgressOnStandardError() throws Exception {
        for (int i = 1; i <= 25; i++) {
            Files.writeString(cli.content.resolve("del-" + i + ".txt"), "Tittel " + i + "\n• Innhold nummer " + i + "\n");
        }

        Cli.Result result = cli.run("index");

        assertThat(result.code()).isZero();
        assertThat(result.err()).contains("Leste 26 av 26 filer (100 %)");
        assertThat(result.out()).startsWith("Indekserte 29 passasjer fra 26 filer på ");
    }

    @Test
    void index_ofAMissingFolder_failsWithoutStackTrace() {
        Cli.Result result = cli.run("index", home.resolve("borte").toString());

        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err()).startsWith("Fant ikke mappen ").doesNotContain("\tat ");
    }

    @Test
    void index_ofAFolderWithoutText_fails() throws Exception {
        Path empty = Files.createDirectories(home.resolve("tom"));

        Cli.Result result = cli.run("index", empty.toString());

        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err()).contains("Fant ingen tekst å søke i");
    }
}
