package no.folkevalgt.app.reliability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One real bot process: {@code java -jar folkevalgt-bot.jar serve} with its own environment, on a
 * fixed port, with standard output and error in a log file. It can be killed (SIGKILL) and started
 * again on the same port with the same settings.
 */
final class BotProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String name;
    private final Map<String, String> env;
    private final Path dir;
    private final int port;
    private Process process;
    private int starts;

    /** @param env the bot's settings; PORT and HOST are added */
    BotProcess(String name, Map<String, String> env, Path dir) throws IOException {
        this.name = name;
        this.dir = dir;
        this.port = Reliability.freePort();
        this.env = new HashMap<>(env);
        this.env.put("PORT", Integer.toString(port));
        this.env.put("HOST", "127.0.0.1");
        this.env.putIfAbsent("LOG_LEVEL", "info");
        this.env.putIfAbsent("INDEX_DIR", dir.resolve(name + "-index").toString());
        this.env.putIfAbsent("DATA_DIR", dir.resolve(name + "-data").toString());
        this.env.putIfAbsent("CONTENT_DIR", Reliability.projectRoot().resolve("content").toString());
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    /** Starts the process and waits until /healthz answers 200. */
    synchronized BotProcess start() throws IOException, InterruptedException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " runs already");
        }
        starts++;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xmx384m", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-jar", jar().toString(), "serve"));
        builder.environment().clear();
        for (String keep : List.of("PATH", "HOME", "LANG", "TMPDIR", "USER")) {
            String value = System.getenv(keep);
            if (value != null) {
                builder.environment().put(keep, value);
            }
        }
        builder.environment().putAll(env);
        Path work = Files.createDirectories(dir.resolve(name + "-home"));
        builder.environment().put("BOT_HOME", work.toString());
        builder.directory(work.toFile());
        builder.redirectErrorStream(true);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()));
        long t0 = System.nanoTime();
        process = builder.start();
        boolean up = Reliability.await(Duration.ofSeconds(90), () -> process.isAlive() && status("/healthz") == 200);
        if (!up) {
            throw new IllegalStateException(name + " did not start (alive: " + process.isAlive() + "); see " + log());
        }
        Reliability.log(name + " started (pid " + process.pid() + ", port " + port + ", start " + starts + ") in "
                + (System.nanoTime() - t0) / 1_000_000 + " ms");
        return this;
    }

    /*
     * A copy of the built jar in this run's folder: a rebuild of adapters/app while the test runs would
     * otherwise replace the jar under the running processes (NoClassDefFoundError on the next class
     * they load).
     */
    private Path jar() throws IOException {
        Path copy = dir.resolve("folkevalgt-bot.jar");
        synchronized (BotProcess.class) {
            if (!Files.exists(copy)) {
                Files.copy(Reliability.jar(), copy);
            }
        }
        return copy;
    }

    Path log() {
        return dir.resolve(name + ".log");
    }

    String logText() {
        try {
            return Files.readString(log(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    /** SIGKILL: no shutdown hook runs, nothing is released. */
    synchronized void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
        Reliability.log(name + " killed with SIGKILL (pid " + process.pid() + ", exit " + process.exitValue() + ")");
    }

    /** SIGTERM, and a wait for the graceful stop. */
    synchronized void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** The HTTP status of a GET, or -1 when nothing answers. */
    int status(String path) {
        try {
            return get(path).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * A message in the web chat, as the chat page sends it.
     *
     * @param session who is writing: each name is one browser, which loads the page for its session
     *                the first time (a session issued before a restart is still taken after it, since
     *                the key that signs sessions is in the database)
     * @param id      the request id the page sends with each message (retries carry the same), or null
     */
    HttpResponse<String> say(String session, String text, String id) throws IOException, InterruptedException {
        String body = "{\"tekst\":" + json(text) + (id == null ? "" : ",\"id\":" + json(id)) + "}";
        String base = "http://127.0.0.1:" + port;
        HttpResponse<String> r = send(base, cookie(base, session), body);
        if (r.statusCode() == 401) {
            /* Issued on another test's database: this one's key does not sign it. */
            SESSIONS.forget(session);
            r = send(base, cookie(base, session), body);
        }
        return r;
    }

    /* A bot that is down refuses the page as it refuses the message: an IOException, so callers fail over. */
    private static String cookie(String base, String session) throws IOException {
        try {
            return SESSIONS.cookie(base, session);
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /* The browsers the tests write from, one session each, kept across restarts of the bot. */
    private static final no.folkevalgt.app.ChatSessions SESSIONS = new no.folkevalgt.app.ChatSessions();

    private static HttpResponse<String> send(String base, String cookie, String body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/melding"))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static String json(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
