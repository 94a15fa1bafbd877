package no.folkevalgt.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import com.slack.api.model.view.View;
import no.folkevalgt.testsupport.HostileText;
import org.junit.jupiter.api.Test;

/** The Svar modal's parts within Slack's limits; the round trip itself is in ReflectionModalSlackTest. */
class AnswerModalTest {

    @Test
    void titlesAndButtons_keepWithinSlacks24Characters_forEveryPromptNumberTheButtonCanCarry() {
        for (int prompt : new int[] {1, 12, 999, 9999}) {
            View form = AnswerModal.form(prompt, HostileText.LONG, "C0PROG");
            assertThat(form.getTitle().getText()).isEqualTo("Refleksjonsoppgave " + prompt).hasSizeLessThanOrEqualTo(24);
            assertThat(form.getSubmit().getText()).hasSizeLessThanOrEqualTo(24);
            assertThat(form.getClose().getText()).hasSizeLessThanOrEqualTo(24);
            assertThat(form.getPrivateMetadata()).hasSizeLessThanOrEqualTo(AnswerModal.MAX_METADATA);
        }
        assertThat(AnswerModal.promptNumber("10000")).isEmpty();
    }

    @Test
    void metadata_roundTrips_andDropsAChannelThatIsNotASlackId() {
        assertThat(AnswerModal.Metadata.parse(new AnswerModal.Metadata(3, "C0PROG").json()))
                .contains(new AnswerModal.Metadata(3, "C0PROG"));
        assertThat(AnswerModal.Metadata.parse("{\"prompt\":3,\"channel\":\"<!channel>\"}"))
                .contains(new AnswerModal.Metadata(3, null));
        assertThat(AnswerModal.Metadata.parse("{\"prompt\":3,\"channel\":{\"id\":\"C0\"}}"))
                .contains(new AnswerModal.Metadata(3, null));
        assertThat(AnswerModal.Metadata.parse("{\"channel\":\"C0PROG\"}")).isEqualTo(Optional.empty());
    }

    @Test
    void aLongReason_isCutAfterItsLastWholeSentenceWithinTheLimit() {
        String reason = "Første setning er kort. " + "Andre setning er svært lang ".repeat(10) + "og slutter her.";

        assertThat(AnswerModal.error(reason)).isEqualTo("Første setning er kort.");
        assertThat(AnswerModal.error("ord".repeat(100))).hasSize(AnswerModal.MAX_ERROR).endsWith("…");
        assertThat(AnswerModal.error("Kort grunn.\n\nNeste linje.")).isEqualTo("Kort grunn. Neste linje.");
    }
}
