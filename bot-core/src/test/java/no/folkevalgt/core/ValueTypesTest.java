package no.folkevalgt.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import no.folkevalgt.core.port.Citation;
import no.folkevalgt.core.port.Incoming;
import no.folkevalgt.core.port.Passage;
import no.folkevalgt.core.port.Reply;
import no.folkevalgt.core.port.UnansweredStore;
import org.junit.jupiter.api.Test;

class ValueTypesTest {

    @Test
    void incoming_local_isAValidTerminalMessage() {
        Incoming incoming = Incoming.local("Hei");

        assertThat(incoming.platform()).isEqualTo("local");
        assertThat(incoming.thread()).isNull();
        assertThat(incoming.text()).isEqualTo("Hei");
    }

    @Test
    void incoming_rejectsBlankIdentities_byName() {
        assertThatThrownBy(() -> new Incoming("slack", "T1", " ", "C1", null, "Hei"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("user is blank");
        assertThatThrownBy(() -> new Incoming(null, "T1", "U1", "C1", null, "Hei"))
                .isInstanceOf(NullPointerException.class).hasMessage("platform");
        assertThatThrownBy(() -> new Incoming("slack", "T1", "U1", "C1", "", "Hei"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("thread is blank");
        assertThatThrownBy(() -> Incoming.local(null))
                .isInstanceOf(NullPointerException.class).hasMessage("text");
    }

    @Test
    void citation_rejectsSlideZero() {
        assertThatThrownBy(() -> new Citation("Tittel", 0, "deck.txt"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("slide must be 1 or more but was 0 in deck.txt");
    }

    @Test
    void citation_namesTheSection_beforeATitleThatSaysLittle() {
        Citation plain = new Citation("Frie inntekter", 72, "deck.txt");
        assertThat(plain.reference()).isEqualTo("«Frie inntekter», lysbilde 72 (deck.txt)");
        assertThat(plain.shortReference()).isEqualTo("«Frie inntekter» (lysbilde 72)");
        assertThat(plain.section()).isEmpty();

        Citation sectioned = new Citation("Case", 31, "deck.txt", "Samspillet med administrasjonen");
        assertThat(sectioned.reference()).isEqualTo("«Samspillet med administrasjonen» › «Case», lysbilde 31 (deck.txt)");
        assertThat(sectioned.shortReference()).isEqualTo("«Samspillet med administrasjonen» › «Case» (lysbilde 31)");
        assertThat(sectioned.slideReference()).isEqualTo("«Samspillet med administrasjonen» › «Case», lysbilde 31");

        Passage pause = new Passage("deck.txt", 12, "Pause", "Foto: Yuriy Garnaev", "KS – Kommunesektorens organisasjon", 1,
                "KS – Kommunesektorens organisasjon");
        assertThat(Citation.of(pause).reference())
                .isEqualTo("«KS – Kommunesektorens organisasjon» › «Pause», lysbilde 12 (deck.txt)");
        assertThat(Citation.of(new Passage("deck.txt", 12, "Pause", "", "", 1)).reference())
                .isEqualTo("«Pause», lysbilde 12 (deck.txt)");
    }

    @Test
    void citation_namesTheMaterialByItsTitle_andTheFileOnlyWhenItHasNone() {
        Passage slide = new Passage("ks-folkevalgtprogram-rakkestad-2019.txt", 17, "Interpellasjon", "• Et spørsmål", "", 1,
                "", " KS Folkevalgtprogram, Rakkestad 2019 ");
        Citation titled = Citation.of(slide);
        assertThat(titled.reference()).isEqualTo("«Interpellasjon», lysbilde 17 (KS Folkevalgtprogram, Rakkestad 2019)");
        assertThat(titled.materialName()).isEqualTo("KS Folkevalgtprogram, Rakkestad 2019");
        assertThat(titled.source()).as("the file stays for the bot's own use").isEqualTo("ks-folkevalgtprogram-rakkestad-2019.txt");
        assertThat(titled.shortReference()).isEqualTo("«Interpellasjon» (lysbilde 17)");
        assertThat(slide.id()).isEqualTo("ks-folkevalgtprogram-rakkestad-2019.txt#17");

        Citation untitled = Citation.of(new Passage("deck.txt", 3, "Saklista", "", "", 1, "", null));
        assertThat(untitled.material()).isEmpty();
        assertThat(untitled.reference()).isEqualTo("«Saklista», lysbilde 3 (deck.txt)");
        assertThat(new Passage("deck.txt", 3, "Saklista", "", "", 1).withMaterial("Program").material()).isEqualTo("Program");
    }

    @Test
    void reply_needsText_andCopiesItsLists() {
        assertThatThrownBy(() -> Reply.builder().build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("a reply needs at least one text block");
        assertThatThrownBy(() -> Reply.text("Hei", " "))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("text block 1 is blank");

        Reply reply = Reply.text("Hei", "Hallo");
        assertThat(reply.plainText()).isEqualTo("Hei\n\nHallo");
        assertThatThrownBy(() -> reply.blocks().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void suggestion_needsAnExcerpt_andClosingBlocksMustNotBeBlank() {
        Citation slide = new Citation("Interpellasjon", 31, "deck.txt");

        assertThatThrownBy(() -> new Reply.Suggestion(slide, " "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("excerpt is blank for «Interpellasjon», lysbilde 31 (deck.txt)");
        assertThatThrownBy(() -> new Reply.Suggestion(null, "x")).hasMessage("citation");
        assertThatThrownBy(() -> Reply.builder().text("Kanskje:").closing(" ").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("closing block 0 is blank");
        Reply reply = Reply.builder().text("Kanskje:").suggestion(new Reply.Suggestion(slide, "• Et spørsmål")).build();
        assertThatThrownBy(() -> reply.suggestions().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void unanswered_declinedHasNoSuggestedSlides() {
        java.time.Instant at = java.time.Instant.parse("2019-11-05T10:00:00Z");

        assertThat(new UnansweredStore.Unanswered("q", "web", at).reason()).isEqualTo(UnansweredStore.Reason.NOT_FOUND);
        assertThatThrownBy(() -> new UnansweredStore.Unanswered("q", "web", at, UnansweredStore.Reason.NOT_FOUND,
                List.of(new Citation("Interpellasjon", 31, "deck.txt"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a declined question has no suggested slides, but got 1");
    }

    @Test
    void image_isCopied_andComparedByContent() {
        byte[] bytes = {1, 2, 3};
        Reply.Image image = new Reply.Image("image/png", bytes, "Ordsky");
        bytes[0] = 9;

        assertThat(image.bytes()).containsExactly(1, 2, 3);
        assertThat(image).isEqualTo(new Reply.Image("image/png", new byte[] {1, 2, 3}, "Ordsky"));
        assertThat(Reply.builder().text("Ordsky").image(image).build().image()).isEqualTo(image);
        assertThatThrownBy(() -> new Reply.Image("text/plain", bytes, "x"))
                .hasMessage("mediaType must start with image/ but was text/plain");
    }

    @Test
    void action_needsIdAndLabel() {
        assertThat(new Reply.Action("feedback.up", "👍", null).value()).isEmpty();
        assertThatThrownBy(() -> new Reply.Action(" ", "👍", "x")).hasMessage("action id is blank");
    }

    @Test
    void inputText_clean_dropsInvisibleCharacters() {
        assertThat(InputText.clean("\u202Eab\u00ADc\u2060 \u00A0 d\n")).isEqualTo("abc d");
        assertThat(InputText.hasWords("«—»")).isFalse();
        assertThat(InputText.hasWords("§ 12")).isTrue();
        assertThat(InputText.length("😀😀")).isEqualTo(2);
        assertThat(List.of(InputText.clean("\uD800x"))).containsExactly("x");
    }
}
