package no.folkevalgt.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import no.folkevalgt.core.port.Passage;
import no.folkevalgt.knowledge.SlideText.Wrapping;
import org.junit.jupiter.api.Test;

/** The line rules the reader applies inside one slide, and the day/part rules across slides. */
class ContentReaderLineRulesTest {

    @Test
    void lowercaseLine_continuesThePreviousLine_acrossOneBlankLineButNotTwo() {
        assertThat(SlideText.logicalLines("• Kan treffe vedtak i hastesaker \n\nog i ikke-prinsipielle saker", Wrapping.PDF))
                .containsExactly("• Kan treffe vedtak i hastesaker og i ikke-prinsipielle saker");
        assertThat(SlideText.logicalLines("Første linje\n\n\nandre linje", Wrapping.PDF))
                .containsExactly("Første linje", "andre linje");
    }

    @Test
    void linkLines_andCapitalisedLines_standAlone_butABrokenLinkIsMended() {
        assertThat(SlideText.logicalLines("• Nyhetsbrev: \nhttps://www.ks.no/\nwww.menti.com\nNeste punkt", Wrapping.PDF))
                .containsExactly("• Nyhetsbrev:", "https://www.ks.no/", "www.menti.com", "Neste punkt");
        assertThat(SlideText.logicalLines("Kurs: https://www.ks.no/demokrati-og-\nstyring/kommuneloven/", Wrapping.PDF))
                .containsExactly("Kurs: https://www.ks.no/demokrati-og-styring/kommuneloven/");
    }

    @Test
    void aBulletOnALineOfItsOwn_joinsTheNextLine() {
        assertThat(SlideText.logicalLines("•\nMøteplikt", Wrapping.PDF)).containsExactly("• Møteplikt");
    }

    @Test
    void linesAreTrimmed_spacesCollapsed_invisibleCharactersRemoved() {
        assertThat(SlideText.logicalLines("  Designe gode prosesser \u00a0 - når\u00ad skal\u200b vi\t ", Wrapping.NONE))
                .containsExactly("Designe gode prosesser - når skal vi");
    }

    @Test
    void title_losesItsBullet_andTheTextKeepsBullets() {
        assertThat(SlideText.of(null, "➜ Kommunedirektøren har personalansvaret\n➜ Internkontroll", Wrapping.PDF))
                .hasValue(new SlideText("Kommunedirektøren har personalansvaret", "➜ Internkontroll"));
        assertThat(SlideText.of(null, "\uf0a7Punkt\n– Underpunkt", Wrapping.PDF))
                .hasValue(new SlideText("Punkt", "– Underpunkt"));
        assertThat(SlideText.of(null, "-5 % i år", Wrapping.PDF)).hasValue(new SlideText("-5 % i år", ""));
    }

    @Test
    void slideWithOnlyBlankLines_hasNoText() {
        assertThat(SlideText.of(null, "\n  \n\t\n", Wrapping.PDF)).isEmpty();
        assertThat(SlideText.of(null, "•\n", Wrapping.PDF)).isEmpty();
    }

    @Test
    void veryLongFirstLine_isShortenedAsTitle_andKeptWholeInTheText() {
        String line = "«Samspillet mellom folkevalgte organer og administrasjonen forutsetter en kontinuerlig og god "
                + "rolleavklaring og respekt for hverandres roller.»";

        SlideText slide = SlideText.of(null, line, Wrapping.PDF).orElseThrow();

        assertThat(slide.title()).startsWith("«Samspillet mellom folkevalgte").endsWith(" …").hasSizeLessThanOrEqualTo(SlideText.MAX_TITLE);
        assertThat(slide.text()).isEqualTo(line);
    }

    @Test
    void dividerNeedsLittleText_andAgendaSessionsIgnoreTimesAndBullets() {
        List<DeckStructure.Slide> slides = List.of(
                new DeckStructure.Slide(1, "Program", "Dag 3\n• 10.00 – 11.30: Møteledelse\n• 12.00 Budsjett"),
                new DeckStructure.Slide(2, "Budsjett", "Budsjettet er kommunestyrets viktigste vedtak. Det vedtas i desember etter en lang prosess med innspill."),
                new DeckStructure.Slide(3, "Møteledelse", ""),
                new DeckStructure.Slide(4, "Budsjett", "Foto: KS"));

        assertThat(DeckStructure.passages("x.txt", slides)).extracting(Passage::slide, Passage::day, Passage::part).containsExactly(
                tuple(1, 3, ""),
                tuple(2, 3, ""),
                tuple(3, 3, "Møteledelse"),
                tuple(4, 3, "Budsjett"));
    }
}
