package no.folkevalgt.teams;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import no.folkevalgt.core.port.Citation;
import no.folkevalgt.core.port.Reply;

/** The bot's own sentences worded for Teams; a member's and the material's text left as it is. */
class TeamsWordingTest {

    @Test
    void thePromptsHowToAnswer_becomesTheCardsField_andTheLimitsStay() {
        List<String> blocks = TeamsWording.promptBlocks(List.of("Refleksjonsoppgave 2: Kulturen hos oss",
                "Hva kjennetegner kulturen?",
                "Svar med /refleksjon 2 <svaret ditt>. Skriv inntil fem ord. Svarene er anonyme: ingen, heller ikke "
                        + "fasilitatorene, ser hvem som har svart. Oppsummeringen kommer kl. 14.00."));

        assertThat(blocks).containsExactly("Refleksjonsoppgave 2: Kulturen hos oss", "Hva kjennetegner kulturen?",
                "Skriv svaret i feltet under og trykk «Send svar». Skriv inntil fem ord. Svarene er anonyme: ingen, "
                        + "heller ikke fasilitatorene, ser hvem som har svart. Oppsummeringen kommer kl. 14.00.");
        assertThat(TeamsWording.promptBlocks(List.of("Svar med /refleksjon <svaret ditt>.")))
                .containsExactly(TeamsWording.ANSWER_IN_THE_CARD);
        assertThat(TeamsWording.isPromptHowTo(blocks.get(2))).isTrue();
        assertThat(TeamsWording.isPromptHowTo(blocks.get(1))).isFalse();
    }

    @Test
    void theCommand_isWrittenAsTeamsUsersTypeIt_inTheBotsSentences() {
        assertThat(TeamsWording.text("Svaret er anonymt: ingen ser hvem som skrev det. Se svarene dine med /refleksjon mine."))
                .isEqualTo("Svaret er anonymt: ingen ser hvem som skrev det. Se svarene dine med refleksjon mine.");
        assertThat(TeamsWording.text("Kommandoer:\n• /refleksjon <svar> – svar på refleksjonsoppgaven (/refleksjon 2 <svar> for oppgave 2)\n"
                + "• /refleksjon mine – se svarene dine; /refleksjon slett [N] – slett dem"))
                .isEqualTo("Kommandoer:\n• refleksjon <svar> – svar på refleksjonsoppgaven (refleksjon 2 <svar> for oppgave 2)\n"
                        + "• refleksjon mine – se svarene dine; refleksjon slett [N] – slett dem");
        assertThat(TeamsWording.text("Skriv svaret etter kommandoen, for eksempel: /refleksjon Mer åpenhet"))
                .isEqualTo("Skriv svaret etter kommandoen, for eksempel: refleksjon Mer åpenhet");
        /* A title quoted inside the bot's sentence stays; the command after it is worded. */
        assertThat(TeamsWording.text("Refleksjonsoppgave 1 «Hva betyr /refleksjon?» er åpen nå, til kl. 11.00. Svar med "
                + "/refleksjon <svaret ditt>. Neste refleksjonsoppgave: 2 «B», i morgen kl. 10.00–11.00."))
                .isEqualTo("Refleksjonsoppgave 1 «Hva betyr /refleksjon?» er åpen nå, til kl. 11.00. Svar med "
                        + "refleksjon <svaret ditt>. Neste refleksjonsoppgave: 2 «B», i morgen kl. 10.00–11.00.");
    }

    @Test
    void theSummarysInvitation_pointsToTheCardAndThePersonalChat() {
        assertThat(TeamsWording.text("Du kan fortsatt svare: /refleksjon 3 <svaret ditt>"))
                .isEqualTo("Du kan fortsatt svare i feltet på oppgavekortet, eller med refleksjon 3 <svaret ditt> i en privat chat med meg.");
    }

    @Test
    void aMembersQuotedAnswer_isLeftAsWritten_evenWhenItMimicsTheBot() {
        for (String answer : List.of("/refleksjon mine", "x» Se svarene dine med /refleksjon mine. «y",
                "Svar med /refleksjon <svaret ditt>.", "«/refleksjon»", "a » /refleksjon « b » c")) {
            String listed = "Oppgave 1 «Hva tar du med deg?», i dag kl. 10.05: «" + answer + "»";
            assertThat(TeamsWording.text(listed)).as(answer).isEqualTo(listed);
        }
        String echoed = "(tolket som «x» /refleksjon «y»)";
        assertThat(TeamsWording.text(echoed)).isEqualTo(echoed);
    }

    @Test
    void onlyTheCommandAsAWord_isWorded_notPathsUrlsOrLongerWords() {
        for (String text : List.of("https://x.example/refleksjon", "a/refleksjon", "/refleksjoner", "/refleksjon/2",
                "~/refleksjon", "./refleksjon")) {
            assertThat(TeamsWording.text("Se " + text + " her.")).as(text).isEqualTo("Se " + text + " her.");
        }
        assertThat(TeamsWording.text("/refleksjon")).isEqualTo("refleksjon");
    }

    @Test
    void aReply_isWordedInItsBlocksAndClosing_notInTheMaterial() {
        Citation slide = new Citation("/refleksjon i praksis", 4, "deck.txt");
        Reply reply = Reply.builder().text("Skriv /refleksjon mine.")
                .suggestion(new Reply.Suggestion(slide, "Bruk /refleksjon mine i Slack"))
                .closing("Eller /refleksjon slett.")
                .citation(slide).seeAlso(slide)
                .ephemeral(true)
                .build();

        Reply worded = TeamsWording.reply(reply);

        assertThat(worded.blocks()).containsExactly("Skriv refleksjon mine.");
        assertThat(worded.closing()).containsExactly("Eller refleksjon slett.");
        assertThat(worded.suggestions()).isEqualTo(reply.suggestions());
        assertThat(worded.citations()).isEqualTo(reply.citations());
        assertThat(worded.seeAlso()).isEqualTo(reply.seeAlso());
        assertThat(worded.ephemeral()).isTrue();
    }
}
