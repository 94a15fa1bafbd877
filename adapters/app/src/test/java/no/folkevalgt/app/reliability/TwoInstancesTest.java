package no.folkevalgt.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import no.folkevalgt.core.programme.PlannedPost;
import no.folkevalgt.testsupport.Waits;

/**
 * Two real bot processes on one PostgreSQL, posting one programme to a fake Slack: every planned post
 * goes out exactly once. Two pairs run side by side on separate databases and channels: in the
 * "steady" pair both instances live throughout; in the "killed" pair instance A is killed with SIGKILL
 * while the posts of a minute are going out and is started again half a minute later. Reflection
 * answers are sent through the web chat to both instances before, during (to the survivor, as a load
 * balancer would) and after the kill; each must be stored exactly once.
 *
 * <p>On demand (about 6 minutes): {@code mvn -B -ntp -o -pl adapters/app test -Dreliability=true -Dtest=TwoInstancesTest}
 */
@Tag("reliability")
class TwoInstancesTest {

    @Test
    void everyPlannedPostIsPostedOnce_byTwoInstances_evenWhenOneIsKilledAndRestarted() throws Exception {
        Reliability.assumeEnabled();
        Path dir = Reliability.workDir("two-instances");
        long t0 = System.nanoTime();
        List<BotProcess> processes = new ArrayList<>();
        try (Pg pg = new Pg(dir.resolve("pg")).start(); FakeSlack steadySlack = new FakeSlack();
             FakeSlack killedSlack = new FakeSlack()) {
            /* -Dreliability.slackLatencyMs=2000: Slack answers the killed pair slowly, so that the kill likely
               falls while a post is in flight (see docs/reliability.md). */
            long latency = Long.getLong("reliability.slackLatencyMs", 0);
            killedSlack.latency(Duration.ofMillis(latency));
            String steadyDb = "steady";
            String killedDb = "killed";
            String steadyUrl = pg.createDatabase(steadyDb);
            String killedUrl = pg.createDatabase(killedDb);
            Instant f = Reliability.nextMinuteAfter(Duration.ofSeconds(50));
            Instant m1 = f.plusSeconds(60);
            Instant m2 = f.plusSeconds(120);
            Instant m3 = f.plusSeconds(180);
            Instant m4 = f.plusSeconds(240);

            Path steadyFile = new TestProgramme(List.of("slack:CSTEADY1", "slack:CSTEADY2"))
                    .session(m1, null, "S1").session(m2, m3, "S2")
                    .prompt(m1, m2, "Oppgave S")
                    .write(dir.resolve("steady.yaml"));
            Path killedFile = new TestProgramme(List.of("slack:CKILL1", "slack:CKILL2"))
                    .session(m1, null, "K1").session(m2, null, "K2").session(m3, m4, "K3")
                    .prompt(m1, m3, "Oppgave K")
                    .write(dir.resolve("killed.yaml"));
            List<PlannedPost> steadyPlan = due(TestProgramme.plan(steadyFile), f, m2);
            List<PlannedPost> killedPlan = due(TestProgramme.plan(killedFile), f, m3);
            Reliability.log("first post at " + f + "; steady: " + steadyPlan.size() + " posts to " + m2 + ", killed: "
                    + killedPlan.size() + " posts to " + m3);

            BotProcess steadyA = new BotProcess("steady-a", env(steadyUrl, steadyFile, steadySlack), dir);
            BotProcess steadyB = new BotProcess("steady-b", env(steadyUrl, steadyFile, steadySlack), dir);
            BotProcess killedA = new BotProcess("killed-a", env(killedUrl, killedFile, killedSlack), dir);
            BotProcess killedB = new BotProcess("killed-b", env(killedUrl, killedFile, killedSlack), dir);
            processes.addAll(List.of(steadyA, steadyB, killedA, killedB));
            for (BotProcess p : processes) {
                p.start();
            }
            assertThat(Instant.now()).as("the bots must be up before the first post").isBefore(f);

            Answers steadyAnswers = new Answers("s");
            Answers killedAnswers = new Answers("k");
            for (int i = 0; i < 4; i++) {
                steadyAnswers.send(steadyA, steadyB);
                steadyAnswers.send(steadyB, steadyA);
                killedAnswers.send(killedA, killedB);
                killedAnswers.send(killedB, killedA);
            }
            /* A request the page sends again (same id) after a time-out: to the other instance, later. */
            String retried = killedAnswers.sendWithId(killedA, killedB, "retry-1");

            /* Kill A while the posts of minute m1 go out (Slack's pacing spreads them over a few seconds). */
            Reliability.sleepUntil(m1.plusMillis(1500));
            killedA.kill();
            Instant killedAt = Instant.now();
            for (int i = 0; i < 3; i++) {
                killedAnswers.send(killedA, killedB);   // A is down: the "load balancer" turns to B
            }
            killedAnswers.resend(killedB, killedA, "retry-1", retried);
            Reliability.sleepUntil(m1.plusSeconds(30));
            killedA.start();
            Instant restartedAt = Instant.now();
            for (int i = 0; i < 4; i++) {
                killedAnswers.send(killedA, killedB);
                killedAnswers.send(killedB, killedA);
                steadyAnswers.send(steadyA, steadyB);
            }

            /* Wait until every due post is in the delivery log as sent, or long past the last one. */
            Reliability.sleepUntil(m3.plusSeconds(10));
            Reliability.await(Duration.ofSeconds(120), () -> done(pg, steadyDb, steadyPlan) && done(pg, killedDb, killedPlan));
            /* Anything posted twice would arrive within seconds: nothing more may come for 5 s. */
            int postedSoFar = steadySlack.posted().size() + killedSlack.posted().size();
            Waits.holdsFor(Duration.ofSeconds(5), () -> assertThat(steadySlack.posted().size() + killedSlack.posted().size())
                    .as("posts to the fake Slack after every due post was sent").isEqualTo(postedSoFar));

            Verdict steady = new Verdict(steadyPlan, steadySlack.posted(), pg, steadyDb);
            Verdict killed = new Verdict(killedPlan, killedSlack.posted(), pg, killedDb);
            Map<String, Long> steadyStored = stored(pg, steadyDb);
            Map<String, Long> killedStored = stored(pg, killedDb);
            int takeovers = count(killedB.logText(), "which stopped responding") + count(killedA.logText(), "which stopped responding");

            StringBuilder summary = new StringBuilder();
            summary.append("TwoInstancesTest, ").append(Instant.now()).append(", Slack latency for the killed pair ")
                    .append(latency).append(" ms\n");
            summary.append(steady.summary("steady (2 instances)")).append('\n');
            summary.append(killed.summary("killed (A SIGKILLed at " + Reliability.CLOCK.format(killedAt.atZone(TestProgramme.OSLO))
                    + ", restarted at " + Reliability.CLOCK.format(restartedAt.atZone(TestProgramme.OSLO)) + ")")).append('\n');
            summary.append("posts taken over from the killed instance (dead execution): ").append(takeovers).append('\n');
            summary.append(steadyAnswers.summary("steady answers", steadyStored)).append('\n');
            summary.append(killedAnswers.summary("killed answers", killedStored)).append('\n');
            summary.append(String.format("whole run %.0f s; logs in %s%n", (System.nanoTime() - t0) / 1e9, dir));
            Files.writeString(dir.resolve("summary.txt"), summary, StandardCharsets.UTF_8);
            Reliability.log("\n" + summary);

            assertThat(steady.ok()).as(steady.summary("steady")).isTrue();
            assertThat(killed.ok()).as(killed.summary("killed")).isTrue();
            steadyAnswers.assertStoredOnce(steadyStored);
            killedAnswers.assertStoredOnce(killedStored);
        } finally {
            for (BotProcess p : processes) {
                p.stop();
            }
        }
    }

    static Map<String, String> env(String databaseUrl, Path programme, FakeSlack slack) {
        Map<String, String> env = new HashMap<>();
        env.put("DATABASE_URL", databaseUrl);
        env.put("PROGRAMME_FILE", programme.toString());
        env.put("SLACK_BOT_TOKEN", "xoxb-reliability-test");
        env.put("SLACK_SIGNING_SECRET", "reliability-signing-secret");
        env.put("SLACK_API_URL", slack.apiUrl());
        return env;
    }

    /** The planned posts due from {@code from} to {@code to}, both included. */
    static List<PlannedPost> due(List<PlannedPost> plan, Instant from, Instant to) {
        return plan.stream().filter(p -> !p.at().isBefore(from) && !p.at().isAfter(to)).toList();
    }

    static boolean done(Pg pg, String db, List<PlannedPost> plan) {
        try {
            long sent = pg.query(db, "select distinct post_id from delivery_log where status in ('SENT','LATE')").stream()
                    .map(r -> (String) r.get("post_id")).filter(id -> plan.stream().anyMatch(p -> p.id().equals(id))).count();
            return sent == plan.size();
        } catch (java.sql.SQLException e) {
            return false;
        }
    }

    static Map<String, Long> stored(Pg pg, String db) throws java.sql.SQLException {
        Map<String, Long> stored = new TreeMap<>();
        for (Map<String, Object> row : pg.query(db, "select answer, count(*) as n from reflection_answers group by answer")) {
            stored.put((String) row.get("answer"), ((Number) row.get("n")).longValue());
        }
        return stored;
    }

    static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    /**
     * Reflection answers sent through the web chat, each with its own text, to a primary instance
     * and, when that one does not answer, to the other (as a load balancer does).
     */
    static final class Answers {
        private final String prefix;
        private final AtomicInteger counter = new AtomicInteger();
        final List<String> confirmed = new ArrayList<>();
        final List<String> notConfirmed = new ArrayList<>();
        int failovers;

        Answers(String prefix) {
            this.prefix = prefix;
        }

        void send(BotProcess primary, BotProcess other) throws InterruptedException {
            sendWithId(primary, other, null);
        }

        String sendWithId(BotProcess primary, BotProcess other, String id) throws InterruptedException {
            int n = counter.incrementAndGet();
            String text = "svar " + prefix + n + " fra " + primary.name();
            String session = String.format("web-%016x", (long) (prefix.hashCode() * 1000L + n));
            deliver(primary, other, session, text, id);
            return text;
        }

        /** The same request again (same session, text and id), e.g. after a time-out. */
        void resend(BotProcess primary, BotProcess other, String id, String text) throws InterruptedException {
            HttpResponse<String> r = post(primary, other, "web-00000000000000ff", text, id);
            if (r == null || !r.body().contains("Takk!")) {
                throw new AssertionError("the resent answer was not confirmed: " + (r == null ? "no answer" : r.body()));
            }
        }

        private void deliver(BotProcess primary, BotProcess other, String session, String text, String id)
                throws InterruptedException {
            HttpResponse<String> r = post(primary, other, id == null ? session : "web-00000000000000ff", text, id);
            if (r != null && r.statusCode() == 200 && r.body().contains("Takk!")) {
                confirmed.add(text);
            } else {
                notConfirmed.add(text + " -> " + (r == null ? "no answer" : r.statusCode() + " " + r.body()));
            }
        }

        private HttpResponse<String> post(BotProcess primary, BotProcess other, String session, String text, String id)
                throws InterruptedException {
            try {
                return primary.say(session, "/refleksjon 1 " + text, id);
            } catch (IOException e) {
                failovers++;
                try {
                    return other.say(session, "/refleksjon 1 " + text, id);
                } catch (IOException e2) {
                    return null;
                }
            }
        }

        String summary(String name, Map<String, Long> stored) {
            long twice = stored.values().stream().filter(n -> n > 1).count();
            long lost = confirmed.stream().filter(t -> !stored.containsKey(t)).count();
            return String.format("%s: sent %d, confirmed %d, not confirmed %d, sent to the other instance after a refused "
                            + "connection %d, rows stored %d, stored twice %d, confirmed but lost %d",
                    name, counter.get(), confirmed.size(), notConfirmed.size(), failovers,
                    stored.values().stream().mapToLong(Long::longValue).sum(), twice, lost);
        }

        void assertStoredOnce(Map<String, Long> stored) {
            assertThat(notConfirmed).as("answers not confirmed").isEmpty();
            Map<String, Long> expected = new TreeMap<>();
            confirmed.forEach(t -> expected.put(t, 1L));
            assertThat(stored).as("reflection_answers: every confirmed answer once, nothing else").isEqualTo(expected);
        }
    }
}
