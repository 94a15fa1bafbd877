package no.folkevalgt.core.programme;

import static no.folkevalgt.core.programme.ProgrammeLoaderTest.OSLO;
import static no.folkevalgt.core.programme.ProgrammeLoaderTest.oslo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The demo switch, and the time queries on {@link Programme}. */
class ProgrammeDemoTest {

    final Programme bundled = ProgrammeLoader.loadBundled();

    @Test
    void shiftedToStartAt_movesDayOne_keepsEachDaysTiming_andDayTwoFollowsDirectly() {
        ZonedDateTime start = ZonedDateTime.parse("2026-05-12T14:03:00+02:00[Europe/Oslo]");
        Programme demo = bundled.shiftedToStartAt(start);

        assertThat(demo.start()).isEqualTo(start);
        assertThat(demo.sessions()).hasSameSizeAs(bundled.sessions());
        for (int i = 0; i < bundled.sessions().size(); i++) {
            Session before = bundled.sessions().get(i);
            Session after = demo.sessions().get(i);
            assertThat(after.title()).isEqualTo(before.title());
            assertThat(after.day()).isEqualTo(before.day());
            assertThat(Duration.between(after.start(), after.end())).isEqualTo(Duration.between(before.start(), before.end()));
        }
        /* Day 2 starts when day 1's dinner ends: 9 hours after day 1's start (09.00 to 18.00). */
        Session dayTwoFirst = demo.sessions(2).get(0);
        Session dayOneLast = demo.sessions(1).get(demo.sessions(1).size() - 1);
        assertThat(dayTwoFirst.start()).isEqualTo(dayOneLast.end());
        assertThat(dayTwoFirst.start()).isEqualTo(start.plusHours(9));

        /* Prompts move with their day: prompt 4 opens 20 minutes into day 2, as in the file. */
        assertThat(demo.prompt(1).orElseThrow().opens()).isEqualTo(start.plusMinutes(25));
        assertThat(demo.prompt(4).orElseThrow().opens()).isEqualTo(dayTwoFirst.start().plusMinutes(20));
        assertThat(demo.prompts()).extracting(demo::dayOf).containsExactly(1, 1, 1, 2);
        assertThat(demo.channels()).isEqualTo(bundled.channels());
        assertThat(demo.reminderLead()).isEqualTo(bundled.reminderLead());
    }

    @Test
    void forDemo_firstReminderComesOneToTwoMinutesFromNow_onAWholeMinute() {
        Instant now = Instant.parse("2026-05-12T12:00:30Z");
        Programme demo = bundled.forDemo(now, 1);
        List<PlannedPost> plan = PostPlanner.plan(demo);

        PlannedPost first = plan.get(0);
        assertThat(first.kind()).isEqualTo(PostKind.REMINDER);
        assertThat(first.at()).isEqualTo(Instant.parse("2026-05-12T12:02:00Z"));
        assertThat(first.text()).isEqualTo("Om 10 minutter: KS – Kommunesektorens organisasjon, kl. 14.12");
        assertThat(demo.start().toInstant()).isEqualTo(Instant.parse("2026-05-12T12:12:00Z"));
        /* The first prompt opens 25 minutes into the day. */
        assertThat(plan).filteredOn(p -> p.kind() == PostKind.PROMPT).first()
                .extracting(PlannedPost::at).isEqualTo(Instant.parse("2026-05-12T12:37:00Z"));
        /* A demo run gets ids of its own, so an earlier run's delivery log does not silence it. */
        assertThat(plan).extracting(PlannedPost::id)
                .doesNotContainAnyElementsOf(PostPlanner.plan(bundled).stream().map(PlannedPost::id).toList());
    }

    @Test
    void forDemo_atSpeedSix_anHourOfProgrammeTakesTenMinutes() {
        Instant now = Instant.parse("2026-05-12T12:00:00Z");
        Programme demo = bundled.forDemo(now, 6);
        List<PlannedPost> plan = PostPlanner.plan(demo);

        assertThat(demo.reminderLead()).isEqualTo(Duration.ofSeconds(100));
        assertThat(plan.get(0).at()).isEqualTo(Instant.parse("2026-05-12T12:02:00Z"));
        assertThat(plan.get(0).text()).startsWith("Om 2 minutter: KS – Kommunesektorens organisasjon");
        Instant start = demo.start().toInstant();
        /* Prompt 1 opens 25 programme minutes in: 250 seconds. Its summary 50 minutes in: 500 seconds. */
        assertThat(demo.prompt(1).orElseThrow().opens().toInstant()).isEqualTo(start.plusSeconds(250));
        assertThat(demo.prompt(1).orElseThrow().closes().toInstant()).isEqualTo(start.plusSeconds(500));
        /* The whole of day 1 (9 hours) passes in 90 minutes, and day 2 follows. */
        assertThat(demo.sessions(2).get(0).start().toInstant()).isEqualTo(start.plus(Duration.ofMinutes(90)));
        assertThat(plan).extracting(PlannedPost::id).doesNotHaveDuplicates();
    }

    @Test
    void speededUp_refusesSillyFactors() {
        assertThatThrownBy(() -> bundled.speededUp(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> bundled.forDemo(Instant.now(), 61)).isInstanceOf(IllegalArgumentException.class);
        assertThat(bundled.speededUp(1)).isSameAs(bundled);
    }

    @Test
    void sessionAt_andNextSession_followTheClock() {
        Instant lunch = oslo("2019-11-05T11:45").toInstant();
        assertThat(bundled.sessionAt(lunch)).map(Session::kind).contains(SessionKind.LUNCH);
        assertThat(bundled.nextSession(lunch)).map(Session::title).contains("Kommunetorg");
        assertThat(bundled.sessionAt(oslo("2019-11-05T16:15").toInstant())).isEmpty();
        assertThat(bundled.sessionAt(oslo("2019-11-05T12:15").toInstant())).map(Session::title)
                .as("start is inclusive, end exclusive").contains("Kommunetorg");
        assertThat(bundled.nextSession(oslo("2019-11-06T15:00").toInstant())).isEmpty();
    }

    @Test
    void promptFor_isTheOpenOne_elseTheLastOpened_soLateAnswersCount() {
        assertThat(bundled.promptFor(oslo("2019-11-05T09:00").toInstant())).isEmpty();
        assertThat(bundled.promptFor(oslo("2019-11-05T09:30").toInstant())).map(Prompt::number).contains(1);
        assertThat(bundled.promptFor(oslo("2019-11-05T10:00").toInstant())).as("closed, still the latest")
                .map(Prompt::number).contains(1);
        assertThat(bundled.promptFor(oslo("2019-11-05T10:50").toInstant())).map(Prompt::number).contains(2);
        assertThat(bundled.promptFor(oslo("2019-11-06T20:00").toInstant())).map(Prompt::number).contains(4);
    }

    @Test
    void dates_andDayLists() {
        assertThat(bundled.sessions(1)).allMatch(s -> s.start().toLocalDate().equals(bundled.date(1).orElseThrow()));
        assertThat(bundled.sessions(3)).isEmpty();
        assertThat(bundled.date(3)).isEmpty();
        assertThat(bundled.prompts(2)).extracting(Prompt::number).containsExactly(4);
        assertThat(bundled.start().getZone()).isEqualTo(OSLO);
    }
}
