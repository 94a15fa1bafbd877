package no.folkevalgt.core.programme;

import static no.folkevalgt.core.programme.ProgrammeLoaderTest.oslo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import no.folkevalgt.core.port.ChannelRef;
import org.junit.jupiter.api.Test;

class PostPlannerTest {

    final Programme bundled = ProgrammeLoader.loadBundled();

    @Test
    void plan_remindsOfEachSessionAndDinner_tenMinutesBefore_butNotOfBreaksOrLunch() {
        List<PlannedPost> reminders = reminders(PostPlanner.plan(bundled));

        long remindable = bundled.sessions().stream()
                .filter(s -> s.kind() == SessionKind.SESSION || s.kind() == SessionKind.DINNER).count();
        assertThat(reminders).hasSize((int) remindable);
        assertThat(reminders).noneMatch(r -> r.text().contains("Lunsj") || r.text().contains("Pause"));
        for (Session s : bundled.sessions()) {
            if (PostPlanner.remindsOf(s.kind())) {
                assertThat(reminders).anySatisfy(r -> {
                    assertThat(r.at()).isEqualTo(s.start().toInstant().minus(Duration.ofMinutes(10)));
                    assertThat(r.text()).endsWith(s.title() + ", kl. " + Texts.time(s.start()));
                });
            }
        }
    }

    @Test
    void reminder_readsAsTheIssueAsksFor() {
        PlannedPost reminder = PostPlanner.plan(bundled).stream()
                .filter(p -> p.id().equals("reminder-d1-20191105T1300@local:programmet")).findFirst().orElseThrow();

        assertThat(reminder.text()).isEqualTo("Om 10 minutter: Samspillet med administrasjonen, kl. 13.00");
        assertThat(reminder.at()).isEqualTo(oslo("2019-11-05T12:50").toInstant());
        assertThat(reminder.kind()).isEqualTo(PostKind.REMINDER);
        assertThat(reminder.prompt()).isZero();
        assertThat(reminder.channel()).isEqualTo(ChannelRef.parse("local:programmet"));
    }

    @Test
    void prompts_postWhenTheyOpen_withHowToAnswer_andSummariesWhenTheyClose() {
        List<PlannedPost> plan = PostPlanner.plan(bundled);

        PlannedPost words = plan.stream().filter(p -> p.kind() == PostKind.PROMPT && p.prompt() == 4).findFirst().orElseThrow();
        assertThat(words.at()).isEqualTo(oslo("2019-11-06T09:20").toInstant());
        assertThat(words.id()).isEqualTo("prompt-4-20191106T0920@local:programmet");
        assertThat(words.text())
                .startsWith("Refleksjonsoppgave 4: Hvilke ord sitter vi igjen fra dagen i går?")
                .contains("Svar med /refleksjon <svaret ditt>.")
                .contains("Skriv inntil fem ord.")
                .contains("Svarene er anonyme")
                .contains("Oppsummeringen kommer kl. 09.40.");

        PlannedPost culture = plan.stream().filter(p -> p.kind() == PostKind.PROMPT && p.prompt() == 2).findFirst().orElseThrow();
        assertThat(culture.text()).contains("Hvordan vil vi ha det i vårt kommunestyre?").doesNotContain("inntil");

        PlannedPost summary = plan.stream().filter(p -> p.kind() == PostKind.SUMMARY && p.prompt() == 4).findFirst().orElseThrow();
        assertThat(summary.at()).isEqualTo(oslo("2019-11-06T09:40").toInstant());
        assertThat(summary.text()).isEqualTo("Oppsummering av refleksjonsoppgave 4: Hvilke ord sitter vi igjen fra dagen i går?");
        assertThat(summary.id()).isEqualTo("summary-4-20191106T0940@local:programmet");

        assertThat(plan).filteredOn(p -> p.kind() == PostKind.PROMPT).hasSize(bundled.prompts().size());
        assertThat(plan).filteredOn(p -> p.kind() == PostKind.SUMMARY).hasSize(bundled.prompts().size());
    }

    @Test
    void ids_areUnique_sortedByTime_andTheSameOnEveryLoad() {
        List<PlannedPost> first = PostPlanner.plan(ProgrammeLoader.loadBundled());
        List<PlannedPost> second = PostPlanner.plan(ProgrammeLoader.loadBundled());

        assertThat(first).extracting(PlannedPost::id).doesNotHaveDuplicates();
        assertThat(first).extracting(PlannedPost::at).isSortedAccordingTo(Comparator.naturalOrder());
        assertThat(second).isEqualTo(first);
        assertThat(first).allSatisfy(p -> assertThat(p.id()).endsWith("@" + p.channel()));
    }

    @Test
    void ids_dependOnWhatAndWhen_notOnThePositionInTheFile() {
        String renamedAndInserted = ProgrammeLoaderTest.VALID
                .replace("title: Avslutning", "title: Avslutning og takk")
                .replace("      - start: 11.00", "      - start: 10.50\n        title: Ny økt\n      - start: 11.00");
        List<String> before = PostPlanner.plan(ProgrammeLoader.parse(ProgrammeLoaderTest.VALID, "a.yaml"))
                .stream().map(PlannedPost::id).toList();
        List<String> after = PostPlanner.plan(ProgrammeLoader.parse(renamedAndInserted, "a.yaml"))
                .stream().map(PlannedPost::id).toList();

        assertThat(after).containsAll(before).contains("reminder-d1-20191105T1050@local:programmet");
    }

    @Test
    void onePostPerItemAndChannel_withTheChannelInTheId() {
        String twoChannels = ProgrammeLoaderTest.VALID.replace("  - local:programmet", "  - local:programmet\n  - slack:C0123");
        Programme p = ProgrammeLoader.parse(twoChannels, "programme.yaml");
        List<PlannedPost> plan = PostPlanner.plan(p);

        /* two sessions get reminders (the lunch does not), one prompt and its summary: 4 per channel */
        assertThat(plan).hasSize(8);
        assertThat(plan).filteredOn(post -> post.channel().equals(new ChannelRef("slack", "C0123"))).hasSize(4)
                .extracting(PlannedPost::id).allMatch(id -> id.endsWith("@slack:C0123"));
        assertThat(plan).extracting(PlannedPost::id).doesNotHaveDuplicates();
        assertThat(plan).extracting(PlannedPost::id).contains("reminder-d1-20191105T0900@local:programmet",
                "reminder-d1-20191105T0900@slack:C0123", "prompt-1-20191105T0910@slack:C0123",
                "summary-1-20191105T0930@local:programmet");
    }

    @Test
    void atTheSameInstant_theSummaryComesBeforeTheReminder_andTheReminderBeforeTheNextPrompt() {
        String yaml = ProgrammeLoaderTest.VALID.replace("""
                prompts:
                  - title: Hvorfor?
                    day: 1
                    opens: 09.10
                    closes: 09.30
                """, """
                prompts:
                  - title: Først
                    day: 1
                    opens: 09.10
                    closes: 10.50
                  - title: Så
                    day: 1
                    opens: 10.50
                    closes: 11.30
                """);
        List<PlannedPost> atTen50 = PostPlanner.plan(ProgrammeLoader.parse(yaml, "p.yaml")).stream()
                .filter(p -> p.at().equals(oslo("2019-11-05T10:50").toInstant())).toList();

        assertThat(atTen50).extracting(PlannedPost::kind)
                .containsExactly(PostKind.SUMMARY, PostKind.REMINDER, PostKind.PROMPT);
    }

    @Test
    void overlappingPrompts_tellWhichNumberToAnswer() {
        String yaml = ProgrammeLoaderTest.VALID.replace("""
                    closes: 09.30
                """, """
                    closes: 09.30
                  - title: Samtidig
                    day: 1
                    opens: 09.20
                    closes: 09.40
                    max_words: 1
                    anonymous: false
                """);
        List<PlannedPost> prompts = PostPlanner.plan(ProgrammeLoader.parse(yaml, "p.yaml")).stream()
                .filter(p -> p.kind() == PostKind.PROMPT).toList();

        assertThat(prompts.get(0).text()).contains("Svar med /refleksjon 1 <svaret ditt>.");
        assertThat(prompts.get(1).text()).contains("Svar med /refleksjon 2 <svaret ditt>.")
                .contains("Skriv inntil ett ord.")
                .contains("Fasilitatorene ser hvem som har svart.");
    }

    @Test
    void reminderText_saysTheLeadInWords() {
        Session s = bundled.sessions().get(0);
        assertThat(PostPlanner.reminderText(s, Duration.ofMinutes(1))).startsWith("Om 1 minutt: ");
        assertThat(PostPlanner.reminderText(s, Duration.ofMinutes(90))).startsWith("Om 1 time og 30 minutter: ");
        assertThat(PostPlanner.reminderText(s, Duration.ZERO)).startsWith("Nå: ");
    }

    @Test
    void daylightSaving_remindersFireAtTheSameLocalTimeOnBothDays() {
        Programme p = ProgrammeLoader.parse(ProgrammeLoaderTest.ACROSS_AUTUMN_CHANGE, "programme.yaml");
        List<PlannedPost> reminders = reminders(PostPlanner.plan(p));

        assertThat(reminders).extracting(PlannedPost::id).contains("reminder-d1-20261024T0910@local:programmet",
                "reminder-d2-20261025T0910@local:programmet");
        assertThat(reminders).filteredOn(r -> r.id().contains("T0910"))
                .extracting(PlannedPost::at)
                .containsExactly(Instant.parse("2026-10-24T07:00:00Z"), Instant.parse("2026-10-25T08:00:00Z"));
    }

    private static List<PlannedPost> reminders(List<PlannedPost> plan) {
        return plan.stream().filter(p -> p.kind() == PostKind.REMINDER).toList();
    }
}
