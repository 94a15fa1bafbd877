package no.folkevalgt.app;

import static org.assertj.core.api.Assertions.assertThat;

import no.folkevalgt.core.port.Citation;
import no.folkevalgt.core.port.Reply;
import org.junit.jupiter.api.Test;

class PlainTextRendererTest {

    @Test
    void answer_isFollowedBySourceAndSeOgså() {
        Reply reply = Reply.builder()
                .text("(tolket som «interpellasjon»)", "• Et spørsmål til ordføreren\n• Meldes skriftlig")
                .citation(new Citation("Interpellasjon", 31, "deck.txt"))
                .seeAlso(new Citation("Grunngitt spørsmål", 32, "deck.txt"))
                .seeAlso(new Citation("Spørretime", 33, "deck.txt"))
                .action(new Reply.Action("feedback.up", "👍", "deck.txt#31"))
                .build();

        assertThat(PlainTextRenderer.render(reply)).isEqualTo("""
                (tolket som «interpellasjon»)

                • Et spørsmål til ordføreren
                • Meldes skriftlig

                Kilde: «Interpellasjon», lysbilde 31 (deck.txt)
                Se også: «Grunngitt spørsmål» (lysbilde 32), «Spørretime» (lysbilde 33)""");
    }

    @Test
    void suggestions_areNumbered_withExcerptAndSourceIndented_beforeTheClosingLine() {
        Reply reply = Reply.builder()
                .text("(tolket som «interpellasjon»)", "Jeg er ikke helt sikker, men dette kan være det du lurer på:")
                .suggestion(new Reply.Suggestion(new Citation("Interpellasjon", 31, "deck.txt"),
                        "• Et spørsmål til ordføreren\n• Meldes skriftlig"))
                .suggestion(new Reply.Suggestion(new Citation("Spørretime", 33, "deck.txt"), "• Før møtet"))
                .closing("Skriv gjerne spørsmålet på en annen måte om ingen av disse passer.")
                .build();

        assertThat(PlainTextRenderer.render(reply)).isEqualTo("""
                (tolket som «interpellasjon»)

                Jeg er ikke helt sikker, men dette kan være det du lurer på:

                1. Interpellasjon
                   • Et spørsmål til ordføreren
                   • Meldes skriftlig
                   Kilde: «Interpellasjon», lysbilde 31 (deck.txt)

                2. Spørretime
                   • Før møtet
                   Kilde: «Spørretime», lysbilde 33 (deck.txt)

                Skriv gjerne spørsmålet på en annen måte om ingen av disse passer.""");
    }

    @Test
    void sourceWhoseTitleSaysLittle_namesItsSection() {
        Reply reply = Reply.builder()
                .text("Deltakelsestrappa\n• Informere\n• Spørre")
                .citation(new Citation("INFORMERE", 90, "deck.txt", "Samspillet med innbyggerne"))
                .seeAlso(new Citation("Case", 31, "deck.txt", "Samspillet med administrasjonen"))
                .build();

        assertThat(PlainTextRenderer.render(reply)).isEqualTo("""
                Deltakelsestrappa
                • Informere
                • Spørre

                Kilde: «Samspillet med innbyggerne» › «INFORMERE», lysbilde 90 (deck.txt)
                Se også: «Samspillet med administrasjonen» › «Case» (lysbilde 31)""");
    }

    @Test
    void textOnlyReply_isJustItsBlocks() {
        assertThat(PlainTextRenderer.render(Reply.text("Hei", "Hallo"))).isEqualTo("Hei\n\nHallo");
    }

    @Test
    void image_isDescribed() {
        Reply reply = Reply.builder().text("Ordsky").image(new Reply.Image("image/png", new byte[] {1}, "Ordsky over svarene")).build();

        assertThat(PlainTextRenderer.render(reply)).endsWith("[Bilde: Ordsky over svarene]");
    }
}
