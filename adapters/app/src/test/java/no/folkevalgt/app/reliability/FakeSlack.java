package no.folkevalgt.app.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import no.folkevalgt.testsupport.FakeHistory;

/**
 * Slack's Web API on loopback for whole bot processes: answers {@code auth.test}, records every
 * {@code chat.postMessage} (channel, text, metadata, when, and how it was answered) and takes the files
 * API steps of a word-cloud upload. A test may make {@code chat.postMessage} fail: rate limited (429
 * with Retry-After), server errors (500) or no answer at all until the caller times out.
 *
 * <p>{@code conversations.history} is served from the posts answered ok, as Slack does (newest first,
 * oldest/latest/inclusive, limit and cursor pages, metadata with include_all_metadata=true), so that an
 * instance taking over a post from a killed one finds it when Slack took it. A post counts from the
 * moment it arrives, even if its caller was killed before the answer. The modes apply to history too
 * where they stand for Slack being down: SERVER_ERROR answers 500 and HANG answers nothing (then 503);
 * RATE_LIMITED does not, as Slack limits each method on its own.
 */
final class FakeSlack implements AutoCloseable {

    /** How a chat.postMessage is answered. */
    enum Mode { OK, RATE_LIMITED, SERVER_ERROR, HANG }

    /**
     * One chat.postMessage as it arrived, and how it was answered; {@code posted} when answered ok (then
     * it has a {@code ts} and is in the channel's history). {@code metadata} is the message metadata as
     * sent ({@code {"event_type":...,"event_payload":{...}}}), or null.
     */
    record Post(String channel, String text, Instant at, Mode answer, boolean posted, String ts, String threadTs,
                JsonNode metadata) {

        /** The planned post's id the bot put in the metadata, or null. */
        String postId() {
            return metadata == null || !metadata.path("event_payload").has("post_id") ? null
                    : metadata.path("event_payload").path("post_id").asText();
        }
    }

    /** One conversations.history call: which channel, from when, with which cursor, and how it was answered. */
    record History(String channel, String oldest, String cursor, Instant at, Mode answer) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final FakeHistory<Post> HISTORY = new FakeHistory<>(Post::ts, Post::threadTs, FakeSlack::json);

    private static final String AUTH_TEST = "{\"ok\":true,\"url\":\"https://fake.slack.com/\",\"team\":\"Fake\","
            + "\"user\":\"folkevalgt\",\"team_id\":\"T0FAKE\",\"user_id\":\"U0BOT\",\"bot_id\":\"B0BOT\",\"is_enterprise_install\":false}";

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Post> posts = new CopyOnWriteArrayList<>();
    private final List<History> histories = new CopyOnWriteArrayList<>();
    /* Slack's ts is the time it took the message, in microseconds, unique in the channel. */
    private final AtomicLong lastMicros = new AtomicLong();
    private volatile Function<Instant, Mode> modes = now -> Mode.OK;
    private volatile Duration retryAfter = Duration.ofSeconds(5);
    private volatile Duration hang = Duration.ofSeconds(30);
    private volatile long latencyMillis;

    static {
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    FakeSlack() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** SLACK_API_URL for the bot. */
    String apiUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
    }

    /** How chat.postMessage is answered at each moment. */
    void modes(Function<Instant, Mode> modes, Duration retryAfter, Duration hang) {
        this.retryAfter = retryAfter;
        this.hang = hang;
        this.modes = modes;
    }

    /**
     * Answers a successful chat.postMessage only after this wait (the message counts as posted when it
     * arrives, as in Slack: a caller that dies while waiting has still posted it).
     */
    void latency(Duration latency) {
        this.latencyMillis = latency.toMillis();
    }

    List<Post> posts() {
        return List.copyOf(posts);
    }

    /** The messages that were answered ok, that is posted in the channel. */
    List<Post> posted() {
        return posts.stream().filter(Post::posted).toList();
    }

    /** The conversations.history calls: an instance taking over a post asked whether it went out. */
    List<History> histories() {
        return List.copyOf(histories);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            byte[] raw;
            try (InputStream in = exchange.getRequestBody()) {
                raw = in.readAllBytes();
            }
            String method = path.startsWith("/api/") ? path.substring(5) : path;
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            /* Only forms are parsed: an upload's bytes are no form (URLDecoder would throw on them). */
            Map<String, String> form = type != null && type.startsWith("application/x-www-form-urlencoded")
                    ? form(new String(raw, StandardCharsets.UTF_8)) : Map.of();
            switch (method) {
                case "auth.test" -> send(exchange, 200, AUTH_TEST, Map.of());
                case "chat.postMessage" -> postMessage(exchange, form);
                case "conversations.history" -> history(exchange, form);
                case "files.getUploadURLExternal" -> send(exchange, 200, "{\"ok\":true,\"upload_url\":\"http://127.0.0.1:"
                        + server.getAddress().getPort() + "/upload/F0FAKE\",\"file_id\":\"F0FAKE\"}", Map.of());
                case "files.completeUploadExternal" -> send(exchange, 200,
                        "{\"ok\":true,\"files\":[{\"id\":\"F0FAKE\",\"title\":\"ordsky\"}]}", Map.of());
                default -> {
                    if (path.startsWith("/upload/")) {
                        send(exchange, 200, "OK - " + raw.length, Map.of());
                    } else {
                        send(exchange, 200, "{\"ok\":true}", Map.of());
                    }
                }
            }
        }
    }

    private void postMessage(HttpExchange exchange, Map<String, String> form) throws IOException {
        Instant now = Instant.now();
        Mode mode = modes.apply(now);
        String channel = form.getOrDefault("channel", "");
        String text = form.getOrDefault("text", "");
        String threadTs = form.get("thread_ts");
        JsonNode metadata = metadata(form.get("metadata"));
        switch (mode) {
            case OK -> {
                String ts = ts(now);
                posts.add(new Post(channel, text, now, mode, true, ts, threadTs, metadata));
                if (latencyMillis > 0) {
                    try {
                        Thread.sleep(latencyMillis);   // the fault: Slack slow to answer
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                ObjectNode answer = JSON.createObjectNode().put("ok", true).put("channel", channel).put("ts", ts);
                if (form.containsKey("metadata") && metadata == null) {
                    answer.put("warning", "invalid_metadata_format");
                }
                send(exchange, 200, answer.toString(), Map.of());
            }
            case RATE_LIMITED -> {
                posts.add(new Post(channel, text, now, mode, false, null, threadTs, metadata));
                send(exchange, 429, "{\"ok\":false,\"error\":\"ratelimited\"}",
                        Map.of("Retry-After", Long.toString(retryAfter.toSeconds())));
            }
            case SERVER_ERROR -> {
                posts.add(new Post(channel, text, now, mode, false, null, threadTs, metadata));
                send(exchange, 500, "<html>Internal Server Error</html>", Map.of("Content-Type", "text/html"));
            }
            case HANG -> {
                posts.add(new Post(channel, text, now, mode, false, null, threadTs, metadata));
                try {
                    Thread.sleep(hang.toMillis());   // the fault: Slack takes the request and never answers
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                /* The caller gave up long ago; if it still listens, it is told it failed. */
                send(exchange, 503, "{\"ok\":false,\"error\":\"service_unavailable\"}", Map.of());
            }
        }
    }

    /* Well-formed metadata as Slack keeps it, or null: Slack posts the message without metadata it cannot read. */
    private static JsonNode metadata(String json) {
        if (json == null) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(json);
            return node != null && node.path("event_type").isTextual()
                    && node.path("event_type").asText().matches("[A-Za-z0-9_]+") && node.path("event_payload").isObject()
                    ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    private String ts(Instant now) {
        long micros = now.getEpochSecond() * 1_000_000L + now.getNano() / 1000;
        long unique = lastMicros.updateAndGet(last -> Math.max(last + 1, micros));
        return (unique / 1_000_000) + "." + String.format("%06d", unique % 1_000_000);
    }

    /*
     * conversations.history as Slack documents it: the channel's top-level messages between oldest and
     * latest (exclusive unless inclusive=true), newest first, at most limit (default 100, at most 999),
     * the rest behind response_metadata.next_cursor; metadata only with include_all_metadata=true.
     */
    private void history(HttpExchange exchange, Map<String, String> form) {
        Instant now = Instant.now();
        Mode mode = modes.apply(now);
        String channel = form.getOrDefault("channel", "");
        histories.add(new History(channel, form.get("oldest"), form.get("cursor"), now, mode));
        if (mode == Mode.SERVER_ERROR) {
            send(exchange, 500, "<html>Internal Server Error</html>", Map.of("Content-Type", "text/html"));
            return;
        }
        if (mode == Mode.HANG) {
            try {
                Thread.sleep(hang.toMillis());   // the fault: Slack takes the request and never answers
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            send(exchange, 503, "{\"ok\":false,\"error\":\"service_unavailable\"}", Map.of());
            return;
        }
        if (channel.isEmpty()) {
            send(exchange, 200, "{\"ok\":false,\"error\":\"channel_not_found\"}", Map.of());
            return;
        }
        List<Post> inChannel = posted().stream().filter(p -> p.channel().equals(channel)).toList();
        send(exchange, 200, HISTORY.answer(inChannel, form, ts(now)), Map.of());
    }

    /* A posted message as conversations.history shows it. */
    private static JsonNode json(Post post, boolean withMetadata) {
        ObjectNode message = JSON.createObjectNode().put("type", "message").put("subtype", "bot_message")
                .put("user", "U0BOT").put("bot_id", "B0BOT").put("app_id", "A0FAKE")
                .put("text", post.text()).put("ts", post.ts());
        if (withMetadata && post.metadata() != null) {
            message.set("metadata", post.metadata());
        }
        return message;
    }

    private static void send(HttpExchange exchange, int status, String body, Map<String, String> headers) {
        try {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (IOException e) {
            /* The caller hung up (it timed out): nothing to answer. */
        }
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
