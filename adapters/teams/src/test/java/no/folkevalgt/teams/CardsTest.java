package no.folkevalgt.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.schema.Serialization;
import org.junit.jupiter.api.Test;

import java.util.List;

import no.folkevalgt.core.port.ActionIds;
import no.folkevalgt.core.port.Citation;
import no.folkevalgt.core.port.Reply;

/** The card of a reply with every part, and the escaping of the card's fallback text, without the SDK's HTTP round trip. */
class CardsTest {

    static final String CLOUD_ALT = no.folkevalgt.core.reflection.ReflectionSummaries.altText("Hva er viktigst?",
            new no.folkevalgt.core.reflection.ReflectionSummaries.Summary(3, 3, 3, java.util.List.of(
                    new no.folkevalgt.core.port.WordCount("samarbeid", 3), new no.folkevalgt.core.port.WordCount("tillit", 2))));

    @Test
    void aReplyWithEveryPart_makesAValidCard_withAtMostTwoSeeAlso() throws Exception {
        Reply reply = Reply.builder().text("Første avsnitt", "Andre\nlinje")
                .image(new Reply.Image("image/png", new byte[] {1, 2, 3}, CLOUD_ALT))
                .citation(new Citation("Interpellasjon", 31, "deck.txt"))
                .seeAlso(new Citation("A", 1, "deck.txt")).seeAlso(new Citation("B", 2, "deck.txt"))
                .seeAlso(new Citation("C", 3, "deck.txt"))
                .action(new Reply.Action("feedback.up", "👍", "deck.txt#31"))
                .build();

        JsonNode card = Serialization.jsonToTree(Serialization.toString(Cards.card(reply, "spørsmålet")));

        CardJson.assertValid(card);
        assertThat(CardJson.runs(card)).extracting(run -> run.path("text").asText()).containsExactly(
                "Første avsnitt", "Andre\nlinje", "Kilde: ", "«Interpellasjon», lysbilde 31 (deck.txt)",
                "Se også:", "• «A» (lysbilde 1)", "• «B» (lysbilde 2)");
        assertThat(card.path("body").findValues("type")).extracting(JsonNode::asText).contains("Image");
        /* The word cloud's text alternative as the server builds it, as the card image's altText. */
        JsonNode image = card.path("body").findParents("type").stream()
                .filter(n -> n.path("type").asText().equals("Image")).findFirst().orElseThrow();
        assertThat(image.path("altText").asText()).isEqualTo(CLOUD_ALT)
                .isEqualTo("Ordsky for «Hva er viktigst?»: mest brukte ord samarbeid (3), tillit (2).");
        assertThat(card.path("actions").get(0).path("data").path(Cards.DATA_QUESTION).asText()).isEqualTo("spørsmålet");
    }

    @Test
    void sourceWhoseTitleSaysLittle_namesItsSection_inTheSourceAndSeeAlso() throws Exception {
        Reply reply = Reply.builder().text("Deltakelsestrappa\n• Informere\n• Spørre")
                .citation(new Citation("INFORMERE", 90, "deck.txt", "Samspillet med innbyggerne"))
                .seeAlso(new Citation("Case", 31, "deck.txt", "Samspillet med administrasjonen"))
                .build();

        JsonNode card = Serialization.jsonToTree(Serialization.toString(Cards.card(reply, "spørsmålet")));

        CardJson.assertValid(card);
        assertThat(CardJson.runs(card)).extracting(run -> run.path("text").asText()).containsExactly(
                "Deltakelsestrappa\n• Informere\n• Spørre", "Kilde: ",
                "«Samspillet med innbyggerne» › «INFORMERE», lysbilde 90 (deck.txt)",
                "Se også:", "• «Samspillet med administrasjonen» › «Case» (lysbilde 31)");
    }

    @Test
    void fallbackText_isThePlainTextAsTyped_withoutBackslashes_andWordedForTeams() {
        Reply reply = Reply.builder().text("Hei! Svar med /refleksjon <svaret ditt> i bygda (1).").build();
        assertThat(Cards.card(reply, "hei").path("fallbackText").asText())
                .isEqualTo("Hei! Svar med refleksjon <svaret ditt> i bygda (1).");
        assertThat(Cards.message(reply, "hei").getSummary()).isEqualTo("Hei! Svar med refleksjon <svaret ditt> i bygda (1).");
    }

    @Test
    void aPromptWithTheSvarAction_getsAnAnswerFieldAndSendSvar_inPlaceOfAButton() throws Exception {
        Reply prompt = Reply.builder().text("Refleksjonsoppgave 3: Tillit", "Svar med /refleksjon <svaret ditt>. Svarene er anonyme.")
                .action(new Reply.Action(ActionIds.REFLECTION_ANSWER, "Svar", "3")).build();

        JsonNode card = Serialization.jsonToTree(Serialization.toString(Cards.card(prompt, "")));

        CardJson.assertValid(card);
        JsonNode body = card.path("body");
        assertThat(CardJson.text(body.get(1))).isEqualTo("Skriv svaret i feltet under og trykk «Send svar». Svarene er anonyme.");
        JsonNode field = body.get(body.size() - 1);
        assertThat(field.path("type").asText()).isEqualTo("Input.Text");
        assertThat(field.path("id").asText()).isEqualTo(Cards.ANSWER_INPUT);
        assertThat(field.path("isMultiline").asBoolean()).isTrue();
        assertThat(field.path("maxLength").asInt()).isEqualTo(1000);
        assertThat(field.path("label").asText()).isEqualTo("Ditt svar");
        assertThat(field.has("value")).isFalse();
        assertThat(card.path("actions")).singleElement().satisfies(send -> {
            assertThat(send.path("type").asText()).isEqualTo("Action.Execute");
            assertThat(send.path("title").asText()).isEqualTo("Send svar");
            assertThat(send.path("verb").asText()).isEqualTo("reflection.answer");
            assertThat(send.path("data").path(Cards.DATA_PROMPT).asText()).isEqualTo("3");
        });
        assertThat(card.toString()).doesNotContain("/refleksjon");
    }

    @Test
    void aSvarActionNamingNoPrompt_getsNeitherFieldNorButton() throws Exception {
        Reply prompt = Reply.builder().text("Refleksjonsoppgave")
                .action(new Reply.Action(ActionIds.REFLECTION_ANSWER, "Svar", "to")).build();

        JsonNode card = Serialization.jsonToTree(Serialization.toString(Cards.card(prompt, "")));

        CardJson.assertValid(card);
        assertThat(card.has("actions")).isFalse();
        assertThat(card.findValues("type")).extracting(JsonNode::asText).doesNotContain("Input.Text");
    }

    @Test
    void theAnsweredView_hasNoField_andARefreshForThatMemberOnly() throws Exception {
        JsonNode card = Serialization.jsonToTree(Serialization.toString(Cards.answeredCard(3,
                List.of("Refleksjonsoppgave 3: Tillit", TeamsWording.ANSWER_IN_THE_CARD + " Svarene er anonyme."),
                Reply.privateText("Takk! Svaret ditt på «Tillit» er lagret.", "Se svarene dine med /refleksjon mine."),
                "29:user-9")));

        CardJson.assertValid(card);
        assertThat(card.findValues("type")).extracting(JsonNode::asText).doesNotContain("Input.Text");
        assertThat(card.has("actions")).isFalse();
        assertThat(CardJson.runs(card)).extracting(run -> run.path("text").asText()).containsExactly(
                "Refleksjonsoppgave 3: Tillit", "Takk! Svaret ditt på «Tillit» er lagret.", "Se svarene dine med refleksjon mine.");
        assertThat(card.path("refresh").path("userIds")).extracting(JsonNode::asText).containsExactly("29:user-9");
        JsonNode refresh = card.path("refresh").path("action");
        assertThat(refresh.path("verb").asText()).isEqualTo(Cards.REFRESH_VERB);
        assertThat(refresh.path("data").path(Cards.DATA_PROMPT).asText()).isEqualTo("3");
        assertThat(refresh.path("data").path(Cards.DATA_ANSWERED).asBoolean()).isTrue();
    }
}
