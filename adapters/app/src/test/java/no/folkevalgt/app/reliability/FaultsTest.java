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
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import no.folkevalgt.core.programme.PlannedPost;
import no.folkevalgt.testsupport.Waits;

/**
 * Faults around a real bot process: the chat platform failing, the database going away, and broken
 * or vanishing material. Each test writes its figures to {@code summary.txt} in its folder under
 * {@code adapters/app/target/reliability/} and prints them.
 *
 * <p>On demand (about 7 minutes in all): {@code mvn -B -ntp -o -pl adapters/app test -Dreliability=true -Dtest=FaultsTest}
 */
@Tag("reliability")
class FaultsTest {

    private static final String SESSION = "web-00000000000000a1";

    /**
     * Slack answers 429 with Retry-After, then 500s, then does not answer at all (the bot's HTTP client
     * times out), then recovers. The outage lasts {@code -Dreliability.outageSeconds} (72 unless set)
     * from just before the first post; three posts fall in it.
     */
    @Test
    void slackOutage_postsGoOutOnceAfterRecovery_withEveryAttemptInTheDeliveryLog() throws Exception {
        Reliability.assumeEnabled();
        Path dir = Reliability.workDir("slack-outage");
        long outage = Long.getLong("reliability.outageSeconds", 72);
        try (Pg pg = new Pg(dir.resolve("pg")).start(); FakeSlack slack = new FakeSlack()) {
            String db = "outage";
            String url = pg.createDatabase(db);
            Instant f = Reliability.nextMinuteAfter(Duration.ofSeconds(30));
            Instant m1 = f.plusSeconds(60);
            Path file = new TestProgramme(List.of("slack:COUTAGE"))
                    .session(m1, null, "O1").session(f.plusSeconds(120), f.plusSeconds(180), "O2")
                    .prompt(m1, f.plusSeconds(600), "Oppgave O")
                    .write(dir.resolve("outage.yaml"));
            List<PlannedPost> plan = TwoInstancesTest.due(TestProgramme.plan(file), f, m1);
            Instant rateLimitedUntil = f.plusSeconds(8);
            Instant errorsUntil = f.plusSeconds(30);
            Instant recovered = f.minusSeconds(2).plusSeconds(outage);
            slack.modes(now -> now.isBefore(f.minusSeconds(2)) ? FakeSlack.Mode.OK
                    : now.isBefore(rateLimitedUntil) ? FakeSlack.Mode.RATE_LIMITED
                    : now.isBefore(errorsUntil) ? FakeSlack.Mode.SERVER_ERROR
                    : now.isBefore(recovered) ? FakeSlack.Mode.HANG
                    : FakeSlack.Mode.OK, Duration.ofSeconds(10), Duration.ofSeconds(40));
            Reliability.log("slack outage from " + f.minusSeconds(2) + " to " + recovered + "; " + plan.size() + " posts due in it");

            try (BotProcess bot = new BotProcess("bot", TwoInstancesTest.env(url, file, slack), dir).start()) {
                Reliability.sleepUntil(recovered);
                Reliability.await(Duration.ofSeconds(180), () -> finished(pg, db, plan));
                /* Nothing more may come once every post is settled (a retry posted twice would arrive now). */
                int postedSoFar = slack.posted().size();
                Waits.holdsFor(Duration.ofSeconds(3), () -> assertThat(slack.posted().size())
                        .as("posts after every post settled").isEqualTo(postedSoFar));

                Verdict verdict = new Verdict(plan, slack.posted(), pg, db);
                StringBuilder summary = new StringBuilder("FaultsTest slack outage, " + Instant.now() + ", outage "
                        + outage + " s (429 with Retry-After 10 s for 10 s, then 500 for 22 s, then no answer)\n");
                summary.append(verdict.summary("posts")).append('\n');
                List<String> attemptProblems = new ArrayList<>();
                List<String> order = new ArrayList<>();
                for (PlannedPost post : plan) {
                    String key = TestProgramme.key(post);
                    List<FakeSlack.Post> calls = slack.posts().stream()
                            .filter(p -> TestProgramme.key(p.channel(), p.text()).equals(key)).toList();
                    List<Map<String, Object>> rows = verdict.log.getOrDefault(post.id(), List.of());
                    summary.append(String.format("  %s (due %s): Slack saw %s; delivery log %s%n", key,
                            Reliability.CLOCK.format(post.at().atZone(TestProgramme.OSLO)),
                            calls.stream().map(c -> c.answer() + "@" + Reliability.CLOCK.format(c.at().atZone(TestProgramme.OSLO))).toList(),
                            rows.stream().map(r -> r.get("attempt") + ":" + r.get("status")).toList()));
                    if (rows.size() != calls.size()) {
                        attemptProblems.add(key + ": " + calls.size() + " calls to Slack but " + rows.size() + " rows in delivery_log");
                    }
                    for (int i = 0; i < rows.size(); i++) {
                        Object status = rows.get(i).get("status");
                        boolean last = i == rows.size() - 1;
                        if (((Number) rows.get(i).get("attempt")).intValue() != i + 1
                                || (last ? !(status.equals("SENT") || status.equals("LATE")) : !status.equals("RETRYING"))) {
                            attemptProblems.add(key + ": row " + (i + 1) + " is " + rows.get(i));
                        }
                    }
                }
                slack.posted().stream().sorted(Comparator.comparing(FakeSlack.Post::at))
                        .forEach(p -> order.add(TestProgramme.key(p.channel(), p.text())));
                List<String> plannedOrder = plan.stream().sorted(no.folkevalgt.core.programme.PostPlanner.ORDER)
                        .map(TestProgramme::key).toList();
                summary.append("planned order: ").append(plannedOrder).append('\n');
                summary.append("posted order:  ").append(order).append(order.equals(plannedOrder) ? " (in order)" : " (NOT in planned order)").append('\n');
                summary.append("attempt problems: ").append(attemptProblems).append('\n');
                write(dir, summary);

                assertThat(verdict.ok()).as(verdict.summary("posts")).isTrue();
                assertThat(attemptProblems).isEmpty();
                assertThat(order).as("one channel: posted in planned order").isEqualTo(plannedOrder);
                assertThat(bot.status("/healthz")).isEqualTo(200);
            }
        }
    }

    /**
     * PostgreSQL stops while the bot serves, and starts again on the same port and data folder.
     * Questions are answered throughout; a reflection answer meanwhile gets "prøv igjen" and is not
     * stored; /readyz says 503, then 200 again once the database is back, with no restart of the bot.
     */
    @Test
    void databaseOutage_questionsAnswered_reflectionsRefusedClearly_andTheBotRecoversByItself() throws Exception {
        Reliability.assumeEnabled();
        Path dir = Reliability.workDir("database-outage");
        try (Pg pg = new Pg(dir.resolve("pg")).start()) {
            String db = pg.createDatabase("outage");
            Instant later = Reliability.nextMinuteAfter(Duration.ofMinutes(30));
            Path file = new TestProgramme(List.of("local:programmet")).session(later, later.plusSeconds(3600), "D1")
                    .prompt(later, later.plusSeconds(1800), "Oppgave D").write(dir.resolve("db.yaml"));
            Map<String, String> env = new HashMap<>();
            env.put("DATABASE_URL", db);
            env.put("PROGRAMME_FILE", file.toString());
            StringBuilder summary = new StringBuilder("FaultsTest database outage, " + Instant.now() + "\n");
            try (BotProcess bot = new BotProcess("bot", env, dir).start()) {
                assertThat(ask(bot, "Hva er en interpellasjon?", summary, "before")).contains("\"answered\":true");
                assertThat(bot.say(SESSION, "/refleksjon 1 svar før brudd", null).body()).contains("Takk!");
                assertThat(bot.status("/readyz")).isEqualTo(200);

                pg.stop();
                Instant stopped = Instant.now();
                summary.append("PostgreSQL stopped at ").append(stopped).append('\n');
                assertThat(ask(bot, "Hvem har personalansvaret for kommunedirektøren?", summary, "database down"))
                        .contains("\"answered\":true");
                ask(bot, "Hva blir været i morgen?", summary, "database down, declined (writes to unanswered_questions)");
                long t = System.nanoTime();
                String refused = bot.say(SESSION, "/refleksjon 1 svar under brudd", null).body();
                summary.append(String.format("/refleksjon while down (%d ms): %s%n", (System.nanoTime() - t) / 1_000_000, refused));
                assertThat(refused).containsIgnoringCase("prøv igjen").doesNotContain("Takk!");
                HttpResponse<String> notReady = bot.get("/readyz");
                summary.append("/readyz while down: ").append(notReady.statusCode()).append(' ').append(notReady.body()).append('\n');
                assertThat(notReady.statusCode()).isEqualTo(503);
                assertThat(bot.status("/healthz")).isEqualTo(200);
                Thread.sleep(15_000);   // the fault itself, not a wait: down for a while, so the pool's connections time out and are thrown away
                assertThat(ask(bot, "Hvordan får jeg en sak på saklista?", summary, "database down 15 s")).contains("\"answered\":true");
                ask(bot, "Hvem vinner valget?", summary, "database down 15 s, declined (writes to unanswered_questions)");

                pg.start();
                Instant back = Instant.now();
                boolean ready = Reliability.await(Duration.ofSeconds(90), () -> bot.status("/readyz") == 200);
                Duration recovery = Duration.between(back, Instant.now());
                summary.append(String.format("PostgreSQL back after %d s down; /readyz 200 again %s after it was back%n",
                        Duration.between(stopped, back).toSeconds(), ready ? recovery.toMillis() + " ms" : "NOT within 90 s"));
                assertThat(ready).as("/readyz 200 again after the database came back").isTrue();
                String stored = bot.say(SESSION, "/refleksjon 1 svar etter brudd", null).body();
                assertThat(stored).contains("Takk!");
                List<String> answers = pg.query("outage", "select answer from reflection_answers order by id").stream()
                        .map(r -> (String) r.get("answer")).toList();
                summary.append("reflection_answers after: ").append(answers).append('\n');
                assertThat(answers).containsExactly("svar før brudd", "svar etter brudd");
                assertThat(bot.alive()).isTrue();
            } finally {
                write(dir, summary);
            }
        }
    }

    /**
     * Broken files are added to the content folder and the index folder is deleted while the bot runs;
     * it keeps answering, /healthz stays 200, the watcher's rebuild (every 30 s) skips the broken files,
     * and a restart with the broken files present starts and answers too.
     */
    @Test
    void brokenMaterial_andDeletedIndex_neverTakeTheBotDown() throws Exception {
        Reliability.assumeEnabled();
        Path dir = Reliability.workDir("material");
        Path content = dir.resolve("content");
        Path index = dir.resolve("index");
        copy(Reliability.projectRoot().resolve("content"), content);
        Map<String, String> env = new HashMap<>();
        env.put("CONTENT_DIR", content.toString());
        env.put("INDEX_DIR", index.toString());
        StringBuilder summary = new StringBuilder("FaultsTest broken material, " + Instant.now() + "\n");
        BotProcess bot = new BotProcess("bot", env, dir);
        try {
            bot.start();
            assertThat(ask(bot, "Hva er en interpellasjon?", summary, "before")).contains("\"answered\":true");

            Files.write(content.resolve("ødelagt.pdf"), "%PDF-1.7\n1 0 obj << /Type /Catalog >>\ngarbage".getBytes(StandardCharsets.US_ASCII));
            Files.write(content.resolve("ødelagt.docx"), new byte[]{'P', 'K', 3, 4, 0, 0, 0, 0, 1, 2, 3});
            Files.write(content.resolve("tom.pptx"), new byte[0]);
            Files.write(content.resolve("latin1.txt"), "Kommunestyret m\u00f8tes\n\nr\u00e5dmann".getBytes(StandardCharsets.ISO_8859_1));
            Files.write(content.resolve("binær.md"), new byte[]{0, (byte) 0xff, (byte) 0xfe, 0, 7, 8});
            deleteTree(index);
            summary.append("added ødelagt.pdf, ødelagt.docx, tom.pptx (0 bytes), latin1.txt, binær.md; deleted ").append(index).append('\n');
            assertThat(ask(bot, "Hvem har personalansvaret for kommunedirektøren?", summary, "index deleted"))
                    .contains("\"answered\":true");
            assertThat(bot.status("/healthz")).isEqualTo(200);

            Thread.sleep(40_000);   // the subject, not a wait for a condition: the watcher looks every 30 s and must rebuild unasked
            summary.append("after the watcher's rebuild: /healthz ").append(bot.status("/healthz"))
                    .append(", /readyz ").append(bot.get("/readyz").body()).append(", index folder exists: ")
                    .append(Files.isDirectory(index)).append('\n');
            assertThat(ask(bot, "Hvordan får jeg en sak på saklista?", summary, "after rebuild")).contains("\"answered\":true");
            assertThat(bot.status("/healthz")).isEqualTo(200);
            assertThat(bot.alive()).isTrue();

            deleteTree(index);
            bot.stop();
            bot.start();
            summary.append("restarted with the broken files and no index: /readyz ").append(bot.get("/readyz").statusCode()).append('\n');
            assertThat(ask(bot, "Hva er deltakelsestrappa?", summary, "after restart")).contains("\"answered\":true");
            List<String> skipped = bot.logText().lines().filter(l -> l.contains("ødelagt") || l.contains("tom.pptx")
                    || l.contains("binær") || l.contains("latin1")).limit(12).toList();
            summary.append("log lines naming the files:\n  ").append(String.join("\n  ", skipped)).append('\n');
        } finally {
            bot.stop();
            write(dir, summary);
        }
    }

    private static String ask(BotProcess bot, String question, StringBuilder summary, String when)
            throws IOException, InterruptedException {
        long t = System.nanoTime();
        HttpResponse<String> r = bot.say(SESSION, question, null);
        long ms = (System.nanoTime() - t) / 1_000_000;
        String body = r.body();
        summary.append(String.format("question (%s) «%s»: HTTP %d in %d ms, answered %s%n", when, question, r.statusCode(), ms,
                body.contains("\"answered\":true")));
        assertThat(r.statusCode()).isEqualTo(200);
        return body;
    }

    private static boolean finished(Pg pg, String db, List<PlannedPost> plan) {
        try {
            long done = pg.query(db, "select distinct post_id from delivery_log where status in ('SENT','LATE','FAILED','SKIPPED')")
                    .stream().map(r -> (String) r.get("post_id")).filter(id -> plan.stream().anyMatch(p -> p.id().equals(id))).count();
            return done == plan.size();
        } catch (java.sql.SQLException e) {
            return false;
        }
    }

    private static void write(Path dir, StringBuilder summary) throws IOException {
        Files.writeString(dir.resolve("summary.txt"), summary, StandardCharsets.UTF_8);
        Reliability.log("\n" + summary);
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
