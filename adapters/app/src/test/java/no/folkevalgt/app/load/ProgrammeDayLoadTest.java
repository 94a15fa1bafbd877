package no.folkevalgt.app.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import no.folkevalgt.app.BotServer;
import no.folkevalgt.storage.Database;
import no.folkevalgt.testsupport.Waits;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * A programme day for 500 council members, compressed into a few minutes, against the whole bot
 * started in-process the way {@code ./bot} starts it ({@link BotServer}): one HTTP
 * server with the web chat, Slack in HTTP mode and Teams in emulator mode, on the embedded H2 file or
 * on PostgreSQL. On demand only; the normal build skips it:
 *
 * <pre>
 * mvn -B -ntp -o -pl adapters/app test -Dload=true -Dtest=ProgrammeDayLoadTest -DargLine=-Xmx512m
 * # on PostgreSQL (io.zonky's embedded server): add -Dload.db=postgres
 * </pre>
 *
 * <p>Every user is on one platform (2/5 Slack, 2/5 web chat, 1/5 Teams), asks questions spread over the
 * run and answers three reflection prompts, each within a short burst (everyone answers when the
 * facilitator asks). Slack gets signed {@code /folkevalgt} and {@code /refleksjon} commands and answers
 * on a fake {@code response_url}; Teams gets activities whose {@code serviceUrl} is a fake Bot Connector;
 * the web chat gets {@code POST /api/melding}. All traffic is on loopback. Reports throughput, latency
 * p50/p99 per kind, errors, heap, and checks that every reflection answer is in the database exactly once.
 *
 * <p>Properties: {@code load.users} (500), {@code load.questions} per user (6), {@code load.seconds} (180),
 * {@code load.burstSeconds} (15), {@code load.clients} (concurrent requests at most, 128), {@code load.db}
 * ({@code h2} or {@code postgres}).
 */
@Tag("load")
@EnabledIfSystemProperty(named = "load", matches = "true")
class ProgrammeDayLoadTest {

    static final int USERS = Integer.getInteger("load.users", 500);
    static final int QUESTIONS_PER_USER = Integer.getInteger("load.questions", 6);
    static final int SECONDS = Integer.getInteger("load.seconds", 180);
    static final int BURST_SECONDS = Integer.getInteger("load.burstSeconds", 15);
    static final int CLIENTS = Integer.getInteger("load.clients", 128);
    static final String DB = System.getProperty("load.db", "h2");
    static final int PROMPTS = 3;
    static final String SECRET = "load-test-signing-secret";
    static final Pattern TOKEN = Pattern.compile("ls(\\d+)r(\\d+)");

    static final String[] QUESTIONS = {
        "Hvordan får jeg en sak på saklista?", "Hva er deltakelsestrappa?", "Hva kan ordføreren gjøre i hastesaker?",
        "Hvor kommer kommunens inntekter fra?", "Hva er gode råd for budsjettprosessen?", "hva er delegering?",
        "Hvem er arbeidsgiver for kommunedirektøren?", "Hva er KS?", "Kva oppgåver har rådmannen?",
        "hvem har personal ansvaret", "Hva er en interpellasjon?", "Hva er rammetilskudd?",
        "Hva er habilitet?", "når er lunsj?", "program", "neste",
        "Hva blir været i morgen?", "Hvem vant fotballkampen i går?"
    };
    static final String[] ANSWERS = {
        "Jeg ville gjøre noe for skolen i bygda", "Mer åpenhet og bedre dialog med innbyggerne",
        "Eldreomsorg og gode tjenester nær folk", "Klima, natur og arealbruk", "Næringsliv og arbeidsplasser",
        "Bedre kollektivtilbud og trygge veier", "Ungdommens stemme må høres"
    };

    enum Platform { SLACK, WEB, TEAMS }

    enum Kind { QUESTION, REFLECTION }

    /** One thing a user does at a moment of the run. */
    record Action(long atMillis, int user, Platform platform, Kind kind, String text, int round) {
        String kindName() {
            return platform.name().toLowerCase(Locale.ROOT) + " " + kind.name().toLowerCase(Locale.ROOT);
        }
    }

    @TempDir
    Path home;

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(16)).build();
    final AtomicLong ids = new AtomicLong();
    final Map<String, ConcurrentLinkedQueue<Long>> latencies = new ConcurrentHashMap<>();
    final ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
    /** Request id (Slack response_url id, Teams activity id) to what was sent and when. */
    final Map<String, Pending> pending = new ConcurrentHashMap<>();
    final Map<Platform, AtomicLong> reflectionsSent = new ConcurrentHashMap<>();
    final Map<Platform, AtomicLong> reflectionsConfirmed = new ConcurrentHashMap<>();
    final Set<String> confirmedTokens = ConcurrentHashMap.newKeySet();
    final AtomicLong maxStartLagMillis = new AtomicLong();

    record Pending(Action action, long sentNanos) {
    }

    @Test
    void aProgrammeDayFor500_isAnsweredWithoutErrors_andEveryReflectionAnswerIsStoredOnce() throws Exception {
        Path content = contentDir();
        EmbeddedPostgres postgres = DB.equals("postgres") ? EmbeddedPostgres.builder()
                .setPGStartupWait(Duration.ofSeconds(60)).start() : null;
        try (FakePlatforms fake = new FakePlatforms()) {
            Map<String, String> env = new HashMap<>();
            env.put("BOT_HOME", home.toString());
            env.put("PORT", "0");
            env.put("CONTENT_DIR", content.toString());
            env.put("LOG_LEVEL", "error");
            env.put("SLACK_BOT_TOKEN", "xoxb-load-test-token");
            env.put("SLACK_SIGNING_SECRET", SECRET);
            env.put("SLACK_API_URL", fake.slackApiUrl());
            if (postgres != null) {
                env.put("DATABASE_URL", "postgres://postgres:not-a-secret@localhost:" + postgres.getPort() + "/postgres");
            }
            /* No MICROSOFT_APP_ID and HOST 127.0.0.1 (the default): Teams in emulator mode. */
            env.put("TEAMS_EMULATOR", "true");
            try (BotServer bot = BotServer.builder().settings(env).workingDir(home).start()) {
                String base = "http://127.0.0.1:" + bot.port();
                warmUp(base);
                Memory memory = new Memory();
                List<Action> plan = plan();
                long started = System.nanoTime();
                run(plan, base, fake, memory);
                double seconds = (System.nanoTime() - started) / 1e9;
                awaitAnswers(fake, Duration.ofSeconds(60));
                double drained = (System.nanoTime() - started) / 1e9;
                memory.stop();
                checkAnswers(fake);
                Map<Platform, Long> stored = new TreeMap<>();
                Map<String, Integer> tokens = new HashMap<>();
                long rows = countStored(bot.database(), stored, tokens);
                String metrics = get(base + "/metrics");
                String report = report(plan, seconds, drained, memory, stored, rows, tokens, fake, metrics);
                System.out.println(report);
                Files.writeString(Path.of("target", "load-report-" + DB + ".txt"), report, StandardCharsets.UTF_8);

                long sent = reflectionsSent.values().stream().mapToLong(AtomicLong::get).sum();
                assertThat(errors).as("errors").isEmpty();
                assertThat(fake.duplicates).as("answers delivered twice").hasValue(0);
                assertThat(rows).as("reflection answers in the database").isEqualTo(sent);
                assertThat(tokens.values()).as("each answer stored once").allMatch(n -> n == 1);
                assertThat(tokens.keySet()).as("every confirmed answer is stored").containsAll(confirmedTokens);
            }
        } finally {
            if (postgres != null) {
                postgres.close();
            }
        }
    }

    // ---- the plan ---------------------------------------------------------------------------------

    private List<Action> plan() {
        Random random = new Random(20261126L);
        List<Action> plan = new ArrayList<>();
        long duration = SECONDS * 1000L;
        for (int user = 0; user < USERS; user++) {
            Platform platform = switch (user % 5) {
                case 0, 1 -> Platform.SLACK;
                case 2, 3 -> Platform.WEB;
                default -> Platform.TEAMS;
            };
            for (int q = 0; q < QUESTIONS_PER_USER; q++) {
                plan.add(new Action((long) (random.nextDouble() * duration), user, platform, Kind.QUESTION,
                        QUESTIONS[random.nextInt(QUESTIONS.length)], 0));
            }
            for (int round = 1; round <= PROMPTS; round++) {
                long opens = (long) (duration * (0.1 + 0.3 * (round - 1)));
                long at = opens + (long) (random.nextDouble() * BURST_SECONDS * 1000);
                String answer = ANSWERS[random.nextInt(ANSWERS.length)] + " ls" + user + "r" + round;
                plan.add(new Action(at, user, platform, Kind.REFLECTION, answer, round));
            }
        }
        plan.sort(Comparator.comparingLong(Action::atMillis));
        return plan;
    }

    private void run(List<Action> plan, String base, FakePlatforms fake, Memory memory) throws InterruptedException {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        long start = System.nanoTime();
        memory.start();
        for (Action action : plan) {
            long due = start + action.atMillis() * 1_000_000L;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            clients.execute(() -> {
                long lag = (System.nanoTime() - due) / 1_000_000L;
                maxStartLagMillis.accumulateAndGet(lag, Math::max);
                try {
                    send(action, base, fake);
                } catch (Exception e) {
                    errors.add(action.kindName() + " user " + action.user() + ": " + e);
                }
            });
        }
        clients.shutdown();
        if (!clients.awaitTermination(SECONDS + 120L, TimeUnit.SECONDS)) {
            errors.add("the clients did not finish in time");
            clients.shutdownNow();
        }
    }

    private void send(Action action, String base, FakePlatforms fake) throws Exception {
        if (action.kind() == Kind.REFLECTION) {
            reflectionsSent.computeIfAbsent(action.platform(), p -> new AtomicLong()).incrementAndGet();
        }
        switch (action.platform()) {
            case WEB -> web(action, base);
            case SLACK -> slack(action, base, fake);
            case TEAMS -> teams(action, base, fake);
        }
    }

    private void web(Action action, String base) throws Exception {
        String text = action.kind() == Kind.REFLECTION ? "/refleksjon " + action.text() : action.text();
        String body = "{\"tekst\":\"" + json(text) + "\",\"id\":\"web-" + ids.incrementAndGet() + "\"}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/melding"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Cookie", chatSessions.cookie(base, session(action.user())))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        long t0 = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        record(action.kindName(), System.nanoTime() - t0);
        if (response.statusCode() != 200 || !response.body().contains("\"reply\"")) {
            errors.add(action.kindName() + ": HTTP " + response.statusCode() + " " + cut(response.body()));
        } else {
            check(action, response.body());
        }
    }

    private void slack(Action action, String base, FakePlatforms fake) throws Exception {
        String id = "s" + ids.incrementAndGet();
        String command = action.kind() == Kind.REFLECTION ? "/refleksjon" : "/folkevalgt";
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("token", "gIkuvaNzQIHg97ATvDxqgjtO");
        fields.put("team_id", "T0001");
        fields.put("team_domain", "testkommunen");
        fields.put("channel_id", "C0LOAD");
        fields.put("channel_name", "folkevalgtprogrammet");
        fields.put("user_id", "U0LOAD" + action.user());
        fields.put("user_name", "user" + action.user());
        fields.put("command", command);
        fields.put("text", action.text());
        fields.put("api_app_id", "A0001");
        fields.put("is_enterprise_install", "false");
        fields.put("response_url", fake.responseUrl(id));
        fields.put("trigger_id", "trigger-" + id);
        StringBuilder form = new StringBuilder();
        fields.forEach((k, v) -> form.append(form.length() == 0 ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        String body = form.toString();
        long ts = System.currentTimeMillis() / 1000;
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/slack/events"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", Long.toString(ts))
                .header("X-Slack-Signature", "v0=" + hmac(SECRET, "v0:" + ts + ":" + body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        long t0 = System.nanoTime();
        pending.put(id, new Pending(action, t0));
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        record(action.kindName() + " (ack)", System.nanoTime() - t0);
        if (response.statusCode() != 200 || response.body().contains("mye å gjøre")) {
            pending.remove(id);
            errors.add(action.kindName() + ": HTTP " + response.statusCode() + " " + cut(response.body()));
        }
    }

    private void teams(Action action, String base, FakePlatforms fake) throws Exception {
        String id = "act-" + ids.incrementAndGet();
        String text = action.kind() == Kind.REFLECTION ? "refleksjon " + action.text() : action.text();
        String tenant = "72f988bf-0000-0000-0000-0000000000aa";
        String body = """
                {"type":"message","id":"%s","timestamp":"2026-11-26T10:00:00.000Z","serviceUrl":"%s","channelId":"msteams",
                 "from":{"id":"29:user-%d","name":"Bruker %d","aadObjectId":"aad-load-%d"},
                 "conversation":{"conversationType":"personal","tenantId":"%s","id":"a:personal-%d"},
                 "recipient":{"id":"28:load-bot","name":"Folkevalgt"},
                 "text":"%s","textFormat":"plain","locale":"nb-NO",
                 "channelData":{"tenant":{"id":"%s"}}}
                """.formatted(id, fake.teamsServiceUrl(), action.user(), action.user(), action.user(), tenant,
                action.user(), json(text), tenant);
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/messages"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        long t0 = System.nanoTime();
        pending.put(id, new Pending(action, t0));
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        record(action.kindName() + " (http)", System.nanoTime() - t0);
        if (response.statusCode() < 200 || response.statusCode() > 202) {
            pending.remove(id);
            errors.add(action.kindName() + ": HTTP " + response.statusCode() + " " + cut(response.body()));
        }
    }

    /** Waits for the answers Slack and Teams get later (response_url, Bot Connector). */
    private void awaitAnswers(FakePlatforms fake, Duration timeout) {
        try {
            Waits.within(timeout).pollInterval(Duration.ofMillis(50)).until(() -> pending.keySet().stream()
                    .allMatch(id -> fake.slackAnswers.containsKey(id) || fake.teamsReplies.containsKey(id)));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            /* checkAnswers reports each answer that never came */
        }
    }

    private void checkAnswers(FakePlatforms fake) {
        pending.forEach((id, p) -> {
            FakePlatforms.Arrival arrival = id.startsWith("act-") ? fake.teamsReplies.get(id) : fake.slackAnswers.get(id);
            String what = p.action().kindName();
            if (arrival == null) {
                errors.add(what + ": no answer arrived for " + id);
                return;
            }
            record(what + (id.startsWith("act-") ? " (reply)" : " (answer)"), arrival.nanos() - p.sentNanos());
            check(p.action(), arrival.body());
        });
    }

    /** A reflection answer must be confirmed; nothing may say "busy", "try again" or "slow down". */
    private void check(Action action, String body) {
        String text = unescape(body);
        for (String bad : List.of("mye å gjøre", "Prøv igjen", "prøv igjen", "Du sender mange meldinger", "noe gikk galt")) {
            if (text.contains(bad)) {
                errors.add(action.kindName() + " user " + action.user() + ": «" + bad + "»: " + cut(text));
                return;
            }
        }
        if (action.kind() == Kind.REFLECTION) {
            if (text.contains("er lagret")) {
                reflectionsConfirmed.computeIfAbsent(action.platform(), p -> new AtomicLong()).incrementAndGet();
                confirmedTokens.add("ls" + action.user() + "r" + action.round());
            } else {
                errors.add(action.kindName() + " user " + action.user() + ": not confirmed: " + cut(text));
            }
        }
    }

    private long countStored(Database database, Map<Platform, Long> byPlatform, Map<String, Integer> tokens)
            throws Exception {
        long rows = 0;
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select platform, answer from reflection_answers")) {
            while (rs.next()) {
                rows++;
                String platform = rs.getString(1).toUpperCase(Locale.ROOT);
                byPlatform.merge(Platform.valueOf(platform), 1L, Long::sum);
                Matcher m = TOKEN.matcher(rs.getString(2));
                if (m.find()) {
                    tokens.merge(m.group(), 1, Integer::sum);
                } else {
                    errors.add("an answer in the database that no one sent: " + rs.getString(2));
                }
            }
        }
        return rows;
    }

    private void warmUp(String base) throws Exception {
        for (int i = 0; i < 60; i++) {
            String body = "{\"tekst\":\"" + json(QUESTIONS[i % QUESTIONS.length]) + "\"}";
            http.send(HttpRequest.newBuilder(URI.create(base + "/api/melding"))
                    .header("Content-Type", "application/json")
                    .header("Cookie", chatSessions.cookie(base, session(1_000_000 + i)))
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    // ---- the report -------------------------------------------------------------------------------

    private String report(List<Action> plan, double seconds, double drained, Memory memory,
                          Map<Platform, Long> stored, long rows, Map<String, Integer> tokens, FakePlatforms fake,
                          String metrics) {
        StringBuilder out = new StringBuilder();
        Runtime rt = Runtime.getRuntime();
        out.append(String.format(Locale.ROOT, "%nProgramme day load: %d users, %d requests (%d questions, %d reflection "
                        + "answers) over %d s, at most %d concurrent; database %s; %d CPUs, Java %s, max heap %d MiB%n",
                USERS, plan.size(), plan.stream().filter(a -> a.kind() == Kind.QUESTION).count(),
                plan.stream().filter(a -> a.kind() == Kind.REFLECTION).count(), SECONDS, CLIENTS, DB,
                rt.availableProcessors(), System.getProperty("java.version"), rt.maxMemory() >> 20));
        out.append(String.format(Locale.ROOT, "system load average (1 min) at the end: %.2f%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        out.append(String.format(Locale.ROOT, "sent in %.1f s (%.1f requests/s on average), last answer after %.1f s; "
                + "the clients started a request at most %d ms late%n", seconds, plan.size() / seconds, drained,
                maxStartLagMillis.get()));
        out.append(String.format(Locale.ROOT, "%-32s %7s %9s %9s %9s%n", "kind", "count", "p50 ms", "p99 ms", "max ms"));
        new TreeMap<>(latencies).forEach((kind, values) -> {
            long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
            out.append(String.format(Locale.ROOT, "%-32s %7d %9.1f %9.1f %9.1f%n", kind, sorted.length,
                    ms(sorted, 0.50), ms(sorted, 0.99), sorted[sorted.length - 1] / 1e6));
        });
        long peakBusiest = memory.peakUsed.get();
        out.append(String.format(Locale.ROOT, "heap used: %d MiB after start (after GC), peak %d MiB during the run "
                        + "(sampled every 100 ms; heap pools' peak %d MiB), %d MiB at the end, %d MiB after GC%n",
                memory.before >> 20, peakBusiest >> 20, memory.poolPeak() >> 20, memory.endUsed >> 20,
                Memory.usedAfterGc() >> 20));
        out.append("reflection answers sent " + reflectionsSent + ", confirmed " + reflectionsConfirmed + ", in the "
                + "database " + rows + " " + stored + ", distinct " + tokens.size() + ", stored more than once "
                + tokens.values().stream().filter(n -> n > 1).count() + "\n");
        out.append("fake platforms: " + fake.slackAnswers.size() + " Slack response_url answers, " + fake.teamsReplies.size()
                + " Teams replies (" + fake.teamsActivities.get() + " activities), " + fake.slackApiCalls.get()
                + " Slack Web API calls, " + fake.duplicates.get() + " answered twice\n");
        out.append("errors: " + errors.size() + "\n");
        errors.stream().limit(20).forEach(e -> out.append("  ").append(e).append('\n'));
        metrics.lines().filter(l -> l.startsWith("folkevalgt_") && !l.contains("_bucket"))
                .forEach(l -> out.append("  ").append(l).append('\n'));
        return out.toString();
    }

    private void record(String kind, long nanos) {
        latencies.computeIfAbsent(kind, k -> new ConcurrentLinkedQueue<>()).add(nanos);
    }

    private static double ms(long[] sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }

    // ---- helpers ----------------------------------------------------------------------------------

    private static Path contentDir() {
        String root = System.getProperty("project.root");
        for (Path candidate : new Path[] {root == null ? null : Path.of(root, "content"), Path.of("../../content"),
                Path.of("content")}) {
            if (candidate != null && Files.isDirectory(candidate)) {
                return candidate.toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException("content/ not found; run from the project root or set -Dproject.root");
    }

    /* The server issues sessions (GET /); each simulated browser loads the page once and keeps its own. */
    private final no.folkevalgt.app.ChatSessions chatSessions = new no.folkevalgt.app.ChatSessions();

    private static String session(int user) {
        return "web-" + HexFormat.of().toHexDigits((long) user * 2654435761L + 0x5eed);
    }

    private String get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static String hmac(String secret, String text) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static String json(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /* The platforms' JSON may escape non-ASCII letters; the checks read plain text. */
    private static String unescape(String body) {
        Matcher m = Pattern.compile("\\\\u([0-9a-fA-F]{4})").matcher(body);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1), 16))));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String cut(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    /** Heap use: after start, peak while running (sampled), at the end. */
    static final class Memory {
        final long before;
        final AtomicLong peakUsed = new AtomicLong();
        volatile long endUsed;
        private final java.util.concurrent.ScheduledExecutorService sampler =
                java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "heap-sampler");
                    t.setDaemon(true);
                    return t;
                });

        Memory() {
            before = usedAfterGc();
            ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        }

        /* Samples the heap every 100 ms while the load runs. */
        void start() {
            sampler.scheduleAtFixedRate(() -> peakUsed.accumulateAndGet(
                    ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max),
                    0, 100, java.util.concurrent.TimeUnit.MILLISECONDS);
        }

        void stop() throws InterruptedException {
            sampler.shutdown();
            sampler.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
            endUsed = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        }

        /* The sum of the heap pools' peaks: an upper bound, as the pools peak at different moments. */
        long poolPeak() {
            return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                    .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        }

        static long usedAfterGc() {
            for (int i = 0; i < 3; i++) {
                System.gc();
            }
            return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        }
    }
}
