package no.folkevalgt.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.element.ButtonElement;
import no.folkevalgt.core.port.Citation;
import no.folkevalgt.core.port.Reply;
import org.junit.jupiter.api.Test;

class BlockKitTest {

    @Test
    void escape_coversTheThreeCharactersSlackAsksFor() {
        assertThat(BlockKit.escape("<!channel> & <@U123> > x")).isEqualTo("&lt;!channel&gt; &amp; &lt;@U123&gt; &gt; x");
        assertThat(BlockKit.unescape("&lt;!channel&gt; &amp;lt;")).isEqualTo("<!channel> &lt;");
    }

    @Test
    void answer_rendersSectionsSourceSeeAlsoAndButtons() {
        Reply reply = Reply.builder().text("Delegering betyr ...")
                .citation(new Citation("Delegering", 2, "deck.txt", "", "Folkevalgtopplæring 2023"))
                .seeAlso(new Citation("Saklista", 3, "deck.txt")).seeAlso(new Citation("Interpellasjon", 1, "deck.txt"))
                .action(new Reply.Action("feedback.up", "👍", "deck.txt#2"))
                .action(new Reply.Action("feedback.down", "👎", "deck.txt#2"))
                .build();

        BlockKit.Rendered rendered = BlockKit.render(reply, new BlockKit.Options("Hva er delegering?", true, null));

        List<LayoutBlock> blocks = rendered.blocks();
        assertThat(blocks).hasSize(4);
        assertThat(text(blocks.get(0))).isEqualTo("Delegering betyr ...");
        assertThat(context(blocks.get(1))).isEqualTo("Kilde: «Delegering», lysbilde 2 (Folkevalgtopplæring 2023)");
        assertThat(context(blocks.get(2))).isEqualTo("Se også: «Saklista» (lysbilde 3) · «Interpellasjon» (lysbilde 1)");
        List<ButtonElement> buttons = ((ActionsBlock) blocks.get(3)).getElements().stream()
                .map(ButtonElement.class::cast).toList();
        assertThat(buttons).extracting(ButtonElement::getActionId).containsExactly("feedback.up", "feedback.down", "share");
        assertThat(buttons.get(0).getValue()).isEqualTo("deck.txt#2\nHva er delegering?");
        assertThat(buttons.get(2).getValue()).isEqualTo("Hva er delegering?");
        assertThat(rendered.text()).isEqualTo("Delegering betyr ...");
    }

    @Test
    void sourceWhoseTitleSaysLittle_namesItsSection() {
        Reply reply = Reply.builder().text("Deltakelsestrappa\n• Informere\n• Spørre")
                .citation(new Citation("INFORMERE", 90, "deck.txt", "Samspillet med innbyggerne"))
                .seeAlso(new Citation("Case", 31, "deck.txt", "Samspillet med administrasjonen"))
                .build();

        List<LayoutBlock> blocks = BlockKit.render(reply, BlockKit.Options.PLAIN).blocks();

        assertThat(context(blocks.get(1))).isEqualTo("Kilde: «Samspillet med innbyggerne» › «INFORMERE», lysbilde 90 (deck.txt)");
        assertThat(context(blocks.get(2))).isEqualTo("Se også: «Samspillet med administrasjonen» › «Case» (lysbilde 31)");

        Reply unsure = Reply.builder().text("Jeg er ikke helt sikker:")
                .suggestion(new Reply.Suggestion(new Citation("Case", 31, "deck.txt", "Samspillet med administrasjonen"), "Arbeidsgiverrollen"))
                .build();
        assertThat(context(BlockKit.render(unsure, BlockKit.Options.PLAIN).blocks().get(2)))
                .isEqualTo("Kilde: «Samspillet med administrasjonen» › «Case», lysbilde 31 (deck.txt)");
    }

    @Test
    void unsureReply_rendersEachSuggestionAsASectionWithItsSource_thenTheClosingLine() {
        Reply reply = Reply.builder().text("(tolket som «delegering»)", "Jeg er ikke helt sikker:")
                .suggestion(new Reply.Suggestion(new Citation("Delegering", 2, "deck.txt"), "• Myndighet videre\n• Reglement"))
                .suggestion(new Reply.Suggestion(new Citation("Saklista & <b>", 3, "deck.txt"), "Ordføreren <!here>"))
                .closing("Skriv gjerne spørsmålet på en annen måte.")
                .ephemeral(true).build();

        BlockKit.Rendered rendered = BlockKit.render(reply, BlockKit.Options.PLAIN);

        List<LayoutBlock> blocks = rendered.blocks();
        assertThat(blocks).hasSize(7);
        assertThat(text(blocks.get(0))).isEqualTo("(tolket som «delegering»)");
        assertThat(text(blocks.get(1))).isEqualTo("Jeg er ikke helt sikker:");
        assertThat(text(blocks.get(2))).isEqualTo("*1. Delegering*\n• Myndighet videre\n• Reglement");
        assertThat(context(blocks.get(3))).isEqualTo("Kilde: «Delegering», lysbilde 2 (deck.txt)");
        assertThat(text(blocks.get(4))).isEqualTo("*2. Saklista &amp; &lt;b&gt;*\nOrdføreren &lt;!here&gt;");
        assertThat(context(blocks.get(5))).isEqualTo("Kilde: «Saklista &amp; &lt;b&gt;», lysbilde 3 (deck.txt)");
        assertThat(text(blocks.get(6))).isEqualTo("Skriv gjerne spørsmålet på en annen måte.");
        assertThat(rendered.text()).startsWith("(tolket som «delegering»)").contains("2. Saklista &amp; &lt;b&gt;")
                .doesNotContain("<!here>");
    }

    @Test
    void manyTextBlocks_giveWayToTheSuggestions_within50Blocks() {
        Reply.Builder reply = Reply.builder();
        for (int i = 0; i < 80; i++) {
            reply.text("Avsnitt " + i);
        }
        for (int i = 1; i <= 3; i++) {
            reply.suggestion(new Reply.Suggestion(new Citation("Lysbilde " + i, i, "deck.txt"), "Linje " + i));
        }
        List<LayoutBlock> blocks = BlockKit.render(reply.closing("Skriv på nytt.").build(), BlockKit.Options.PLAIN).blocks();

        assertThat(blocks).hasSize(BlockKit.MAX_BLOCKS);
        assertThat(text(blocks.get(42))).isEqualTo(BlockKit.SHORTENED);
        assertThat(text(blocks.get(43))).startsWith("*1. Lysbilde 1*");
        assertThat(text(blocks.get(49))).isEqualTo("Skriv på nytt.");
    }

    @Test
    void longText_isSplitUnder3000Characters_withoutBreakingAnEntity() {
        String paragraph = ("Ord & ord ").repeat(700);
        BlockKit.Rendered rendered = BlockKit.render(Reply.text(paragraph), BlockKit.Options.PLAIN);

        assertThat(rendered.blocks()).hasSizeGreaterThan(2);
        for (LayoutBlock block : rendered.blocks()) {
            String text = text(block);
            assertThat(text.length()).isLessThanOrEqualTo(BlockKit.MAX_TEXT);
            assertThat(text).doesNotMatch("(?s).*&(a|am)?$").doesNotStartWith("amp;");
        }
        assertThat(rendered.text().length()).isLessThanOrEqualTo(BlockKit.MAX_FALLBACK + 2);
    }

    @Test
    void manyBlocks_areCutTo50_andSaySo() {
        List<String> blocks = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            blocks.add("Avsnitt " + i);
        }
        Reply reply = Reply.builder().text(blocks.toArray(String[]::new))
                .citation(new Citation("Tittel", 1, "deck.txt"))
                .action(new Reply.Action("feedback.up", "👍", "deck.txt#1")).build();

        List<LayoutBlock> rendered = BlockKit.render(reply, BlockKit.Options.PLAIN).blocks();

        assertThat(rendered).hasSize(BlockKit.MAX_BLOCKS);
        assertThat(text(rendered.get(47))).isEqualTo(BlockKit.SHORTENED);
        assertThat(rendered.get(48)).isInstanceOf(ContextBlock.class);
        assertThat(rendered.get(49)).isInstanceOf(ActionsBlock.class);
    }

    @Test
    void buttonValue_isCutTo2000Characters() {
        String question = "spørsmål ".repeat(400);
        assertThat(BlockKit.value("deck.txt#2", question)).hasSize(BlockKit.MAX_VALUE).startsWith("deck.txt#2\n");
    }

    @Test
    void svarButton_underAPrompt_isPrimary_andCarriesOnlyThePromptNumber() {
        Reply prompt = Reply.builder().text("Refleksjonsoppgave 2: Kulturen hos oss", "Svar med /refleksjon <svaret ditt>.")
                .action(new Reply.Action("reflection.answer", "Svar", "2")).build();

        BlockKit.Rendered rendered = BlockKit.render(prompt, new BlockKit.Options("et spørsmål", false, null));

        ButtonElement svar = (ButtonElement) ((ActionsBlock) rendered.blocks().get(rendered.blocks().size() - 1))
                .getElements().get(0);
        assertThat(svar.getActionId()).isEqualTo("reflection.answer");
        assertThat(svar.getText().getText()).isEqualTo("Svar");
        assertThat(svar.getValue()).isEqualTo("2");
        assertThat(svar.getStyle()).isEqualTo("primary");
        assertThat(text(rendered.blocks().get(1))).isEqualTo("Svar med /refleksjon &lt;svaret ditt&gt;.");
    }

    @Test
    void slackTokens_inUserText_areTranslated() {
        assertThat(SlackAdapter.text("<@UBOT> hva er delegering?")).isEqualTo("hva er delegering?");
        assertThat(SlackAdapter.text("<@UBOT|folkevalgt> <!channel> hva er <#C123|budsjett>?"))
                .isEqualTo("hva er budsjett?");
        assertThat(SlackAdapter.text("se <https://ks.no|KS> og <https://example.org>"))
                .isEqualTo("se KS og https://example.org");
        assertThat(SlackAdapter.text("&lt;!channel&gt; A &amp; B")).isEqualTo("<!channel> A & B");
        assertThat(SlackAdapter.text(null)).isEmpty();
    }

    private static String text(LayoutBlock block) {
        return ((MarkdownTextObject) ((SectionBlock) block).getText()).getText();
    }

    private static String context(LayoutBlock block) {
        return ((MarkdownTextObject) ((ContextBlock) block).getElements().get(0)).getText();
    }
}
