package no.folkevalgt.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import no.folkevalgt.core.port.Passage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The deck that ships with the bot, read from the project's content folder. */
class ContentReaderBundledDeckTest {

    private static final String DECK = "ks-folkevalgtprogram-rakkestad-2019.txt";

    private static Ingested material;
    private static Path content;

    @BeforeAll
    static void readDeck() throws IOException {
        content = contentFolder();
        material = ContentReader.of(content).read(IngestProgress.NONE);
    }

    @Test
    void deck_hasOnePassagePerNonEmptySlide_numberedByPositionInTheDeck() {
        assertThat(material.problems()).isEmpty();
        assertThat(material.passages()).hasSize(99);
        assertThat(material.passages()).allSatisfy(p -> assertThat(p.source()).isEqualTo(DECK));
        /* The PDF the text came from had 100 pages; page 96 has no text. */
        assertThat(material.passages()).extracting(Passage::slide)
                .doesNotHaveDuplicates()
                .doesNotContain(96)
                .startsWith(1, 2, 3, 4)
                .endsWith(97, 98, 99, 100);
    }

    @Test
    void titles_areTheFirstLineOfEachSlide() {
        assertThat(slide(1).title()).isEqualTo("KS Folkevalgtprogram");
        assertThat(slide(2).title()).isEqualTo("Program for dagen");
        assertThat(slide(4).title()).isEqualTo("Hvem er jeg?");
        assertThat(slide(25).title()).isEqualTo("Ordfører for alle");
        assertThat(slide(93).title()).isEqualTo("Snakke med");
        assertThat(slide(100).title()).isEqualTo("Lykke til, dette blir så bra!");
        assertThat(titled("Frie inntekter").slide()).isEqualTo(72);
    }

    @Test
    void wrappedLines_areJoined_inTitleAndText_evenAcrossOneBlankLine() {
        assertThat(slide(66).title()).isEqualTo("Hvordan finne det økonomiske handlingsrommet?");
        assertThat(slide(15).title()).isEqualTo("Lederskap i praksis: kommuneplanens samfunnsdel");
        assertThat(lines(titled("Ordfører for alle")))
                .startsWith("• Rollemodell", "• Ansvar for den politiske arena")
                .contains("• Kan få myndighet til å treffe vedtak i hastesaker og i ikke-prinsipielle saker",
                        "• Har forslagsrett i alle organer unntatt kontrollutvalget",
                        "Foto: ScanStockPhoto");
    }

    @Test
    void linkLines_stayLinesOfTheirOwn() {
        assertThat(lines(slide(10))).contains("KS’ nettsider:", "https://www.ks.no/", "• Nyhetsbrev:");
    }

    @Test
    void everyPassage_isClean_titleWithoutBullet_noBlankOrUntrimmedLines_andShortEnoughToCite() {
        assertThat(material.passages()).allSatisfy(p -> {
            assertThat(p.title()).isNotBlank().doesNotStartWith("•").doesNotStartWith("➜").doesNotStartWith("–");
            assertThat(p.title()).isEqualTo(p.title().strip());
            if (!p.text().isEmpty()) {
                assertThat(p.text().split("\n", -1)).allSatisfy(line -> {
                    assertThat(line).isNotBlank();
                    assertThat(line).isEqualTo(line.strip());
                });
            }
            assertThat(p.title().length() + p.text().length()).isLessThan(1_500);
        });
    }

    @Test
    void slidesBeforeTheAgenda_haveNoDayOrPart() {
        assertThat(slide(1).day()).isZero();
        assertThat(slide(1).part()).isEmpty();
    }

    @Test
    void agendaSlides_getTheirOwnDay_andTheOverviewStartsDayOne() {
        assertThat(slide(2).day()).isEqualTo(1);
        assertThat(slide(3).day()).isEqualTo(2);
        assertThat(slide(4).day()).isEqualTo(1);
        assertThat(slide(4).part()).isEmpty();
    }

    @Test
    void sectionDividers_setThePart_forTheSlidesThatFollow() {
        assertPlace(titled("KS har tre roller"), 1, "KS – Kommunesektorens organisasjon");
        assertPlace(titled("Ordfører for alle"), 1, "Hva innebærer det å være folkevalgt?");
        assertPlace(titled("Delegering til kommunedirektøren"), 1, "Samspillet med administrasjonen");
        assertPlace(titled("Politiker eller privatperson?"), 1, "Å være folkevalgt i sosiale medier");
        assertPlace(titled("Frie inntekter"), 2, "Hvordan finne det økonomiske handlingsrommet?");
        assertPlace(titled("Snakke med"), 2, "Samspillet med innbyggerne");
        assertThat(titled("Snakke med").text()).contains("Plansmie");
        assertPlace(slide(100), 2, "Samspillet med innbyggerne");
    }

    @Test
    void contentHash_ofRead_isTheCheapHash() throws IOException {
        assertThat(material.contentHash()).matches("[0-9a-f]{64}").isEqualTo(ContentReader.of(content).contentHash());
    }

    private static void assertPlace(Passage p, int day, String part) {
        assertThat(p.day()).as("day of %s", p.id()).isEqualTo(day);
        assertThat(p.part()).as("part of %s", p.id()).isEqualTo(part);
    }

    private static Passage slide(int number) {
        return material.passages().stream().filter(p -> p.slide() == number).findFirst().orElseThrow();
    }

    private static Passage titled(String title) {
        return material.passages().stream().filter(p -> p.title().equals(title)).findFirst().orElseThrow();
    }

    private static List<String> lines(Passage p) {
        return List.of(p.text().split("\n"));
    }

    private static Path contentFolder() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("content");
            if (Files.isRegularFile(candidate.resolve(DECK))) {
                return candidate;
            }
        }
        throw new IllegalStateException("The bundled content folder with " + DECK + " was not found above " + Path.of("").toAbsolutePath());
    }
}
