package no.folkevalgt.core.programme;

import static no.folkevalgt.core.programme.ProgrammeLoaderTest.OSLO;
import static no.folkevalgt.core.programme.ProgrammeLoaderTest.oslo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import no.folkevalgt.core.port.ChannelRef;
import no.folkevalgt.core.port.Reply;
import org.junit.jupiter.api.Test;

class ProgrammePostsTest {

    final Programme bundled = ProgrammeLoader.loadBundled();
    final List<PlannedPost> summariesAsked = new ArrayList<>();
    final PostComposer summaries = (post, late) -> {
        summariesAsked.add(post);
        return Reply.text((late ? "(forsinket) " : "") + post.text() + "\n\n12 svar");
    };

    @Test
    void reminder_onTime_isThePlannedText() {
        PlannedPost post = post("reminder-d1-20191105T1300@local:programmet");
        Reply reply = composerAt("2019-11-05T12:50").compose(post, false);

        assertThat(reply.plainText()).isEqualTo("Om 10 minutter: Samspillet med administrasjonen, kl. 13.00");
        assertThat(reply.ephemeral()).isFalse();
    }

    @Test
    void reminder_late_beforeTheStart_saysSoAndHowLongIsLeft() {
        PlannedPost post = post("reminder-d1-20191105T1300@local:programmet");
        Reply reply = composerAt("2019-11-05T12:56").compose(post, true);

        assertThat(reply.plainText()).isEqualTo("(forsinket) Om 4 minutter: Samspillet med administrasjonen, kl. 13.00");
    }

    @Test
    void reminder_late_afterTheStart_saysItBegan() {
        PlannedPost post = post("reminder-d1-20191105T1300@local:programmet");
        Reply reply = composerAt("2019-11-05T13:03").compose(post, true);

        assertThat(reply.plainText()).isEqualTo("(forsinket) Samspillet med administrasjonen begynte kl. 13.00.");
    }

    @Test
    void prompt_isPostedInBlocks_andMarkedWhenLate() {
        PlannedPost post = post("prompt-4-20191106T0920@local:programmet");

        Reply onTime = composerAt("2019-11-06T09:20").compose(post, false);
        assertThat(onTime.blocks()).hasSize(2);
        assertThat(onTime.blocks().get(0)).isEqualTo("Refleksjonsoppgave 4: Hvilke ord sitter vi igjen fra dagen i går?");
        assertThat(onTime.blocks().get(1)).contains("/refleksjon <svaret ditt>").contains("inntil fem ord");

        Reply late = composerAt("2019-11-06T09:31").compose(post, true);
        assertThat(late.blocks().get(0)).isEqualTo("(forsinket) Refleksjonsoppgave 4: Hvilke ord sitter vi igjen fra dagen i går?");
    }

    @Test
    void summary_goesToTheSummaryComposer() {
        PlannedPost post = post("summary-2-20191105T1100@local:programmet");
        Reply reply = composerAt("2019-11-05T11:00").compose(post, false);

        assertThat(summariesAsked).containsExactly(post);
        assertThat(reply.plainText()).contains("12 svar");
    }

    @Test
    void aTitleCorrectedAfterPlanning_isPostedAsCorrected() {
        AtomicReference<Programme> current = new AtomicReference<>(ProgrammeLoader.parse(ProgrammeLoaderTest.VALID, "p.yaml"));
        PlannedPost planned = PostPlanner.plan(current.get()).get(0);
        current.set(ProgrammeLoader.parse(ProgrammeLoaderTest.VALID.replace("title: Åpning", "title: Velkommen"), "p.yaml"));

        Reply reply = new ProgrammePosts(current::get, summaries, Clock.fixed(planned.at(), OSLO)).compose(planned, false);

        assertThat(reply.plainText()).isEqualTo("Om 10 minutter: Velkommen, kl. 09.00");
    }

    @Test
    void aPostTheProgrammeNoLongerHas_isPostedWithItsPlannedText() {
        PlannedPost gone = new PlannedPost("reminder-d9-20191105T0700@local:programmet", Instant.parse("2019-11-05T06:00:00Z"),
                ChannelRef.parse("local:programmet"), PostKind.REMINDER, "Om 10 minutter: Frokost, kl. 07.00", 0);

        assertThat(composerAt("2019-11-05T07:05").compose(gone, true).plainText())
                .isEqualTo("(forsinket) Om 10 minutter: Frokost, kl. 07.00");
    }

    private PlannedPost post(String id) {
        return PostPlanner.plan(bundled).stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    private ProgrammePosts composerAt(String localDateTime) {
        return new ProgrammePosts(bundled, summaries, Clock.fixed(oslo(localDateTime).toInstant(), OSLO));
    }
}
