package no.folkevalgt.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.awaitility.core.ConditionTimeoutException;

/**
 * Slack's Web API and response_url endpoints on loopback, recording every call. Answers as Slack
 * documents ({@code {"ok":true,...}}) unless a test scripts another answer for a method.
 *
 * <p>Keeps each channel's messages as Slack does: a chat.postMessage answered ok (not a scripted answer)
 * is stored with a fresh ts from the clock and its metadata, and conversations.history serves them as
 * Slack documents it: newest first, {@code oldest}/{@code latest}/{@code inclusive}, {@code limit},
 * cursor pages ({@code has_more}, {@code response_metadata.next_cursor}), thread replies left out, and
 * {@code metadata} only with {@code include_all_metadata=true}. views.open answers with the view it was
 * given, with an id ({@code V01}, {@code V02}, ...) as Slack gives one.
 */
public final class FakeSlackApi implements AutoCloseable {

    private static final FakeHistory<Message> HISTORY =
            new FakeHistory<>(Message::ts, Message::threadTs, FakeSlackApi::json);

    public static final ObjectMapper JSON = new ObjectMapper();

    /** One recorded call: the Web API method (or "response_url", "upload"), its form fields and raw body. */
    public record Call(String method, String path, Map<String, String> form, String body, String authorization) {

        /** A form field parsed as JSON (blocks), or the body as JSON (response_url posts). */
        public JsonNode json(String field) {
            try {
                return JSON.readTree(field == null ? body : form.get(field));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        /** Everything the user would see: text and blocks, as one string. */
        public String visible() {
            return form.isEmpty() ? body : form.getOrDefault("text", "") + "\n" + form.getOrDefault("blocks", "");
        }
    }

    private record Scripted(int status, Map<String, String> headers, String body) {
    }

    /**
     * One message in a channel, as conversations.history shows it. {@code metadata} is
     * {@code {"event_type":...,"event_payload":{...}}} or null; {@code threadTs} is set for a thread reply.
     */
    public record Message(String channel, String ts, String threadTs, String user, String botId, String text,
                   JsonNode metadata) {

        /** The metadata's event_payload field as text, or null. */
        public String payload(String field) {
            return metadata == null || !metadata.path("event_payload").has(field) ? null
                    : metadata.path("event_payload").path(field).asText();
        }
    }

    private final Map<String, List<Message>> channels = new ConcurrentHashMap<>();
    private final AtomicLong lastMicros = new AtomicLong();
    private final AtomicLong views = new AtomicLong();
    private final List<JsonNode> opened = new CopyOnWriteArrayList<>();

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Scripted>> scripted = new ConcurrentHashMap<>();

    static {
        /* Without it, the JDK server's small replies wait on Nagle + delayed ACK (tens of ms per call). */
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    public FakeSlackApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    public String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    public String apiUrl() {
        return base() + "api/";
    }

    public String responseUrl(String id) {
        return base() + "response/" + id;
    }

    private volatile long latencyMillis;

    /** Answers every call after this wait, like Slack over the internet (the load harness uses it). */
    public void latency(Duration latency) {
        this.latencyMillis = latency.toMillis();
    }

    /** The next call to this method is answered with this status, headers and body. */
    public void script(String method, int status, Map<String, String> headers, String body) {
        scripted.computeIfAbsent(method, m -> new ArrayDeque<>()).add(new Scripted(status, headers, body));
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).toList();
    }

    /** Calls other than auth.test, which Bolt makes on its own. */
    public List<Call> answers() {
        return calls.stream().filter(c -> !c.method().equals("auth.test")).toList();
    }

    /** Waits (at most {@link Waits#PATIENCE}) until at least {@code count} calls to the method were made; returns them. */
    public List<Call> await(String method, int count) {
        try {
            return Waits.until(() -> calls(method), found -> found.size() >= count);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("expected " + count + " calls to " + method + " but got " + calls(method).size()
                    + "; all calls: " + calls.stream().map(Call::method).toList(), e);
        }
    }

    /** Waits (at most {@link Waits#PATIENCE}) until at least {@code count} {@link #answers()} were made; returns them. */
    public List<Call> awaitAnswers(int count) {
        try {
            return Waits.until(this::answers, found -> found.size() >= count);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("expected " + count + " answers but got " + answers().size()
                    + "; all calls: " + calls.stream().map(Call::method).toList(), e);
        }
    }

    /** The views views.open opened, oldest first, each as Slack answered it (with its {@code id}). */
    public List<JsonNode> openedViews() {
        return List.copyOf(opened);
    }

    public void clear() {
        calls.clear();
    }

    /** The channel's messages, oldest first (thread replies included). */
    public List<Message> messages(String channel) {
        List<Message> list = channels.getOrDefault(channel, List.of());
        synchronized (list) {
            return list.stream().sorted(Comparator.comparing(m -> new BigDecimal(m.ts()))).toList();
        }
    }

    /**
     * Puts a message in the channel as if it had been posted at {@code at} (by a person or by the bot
     * earlier), e.g. to fill a channel's history.
     *
     * @param metadata {@code {"event_type":...,"event_payload":{...}}} as JSON, or null
     */
    public Message seed(String channel, Instant at, String user, String text, String metadata) {
        long micros = Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1000);
        return store(new Message(channel, ts(micros), null, user, null, text, metadata == null ? null : parse(metadata)));
    }

    /** Puts a message in the channel now, after every message before it (as someone writing in it). */
    public Message seed(String channel, String user, String text, String metadata) {
        return store(new Message(channel, nextTs(), null, user, null, text, metadata == null ? null : parse(metadata)));
    }

    /** Slack's ts form: epoch seconds, a dot, six digits of microseconds. */
    public static String ts(long micros) {
        return (micros / 1_000_000) + "." + String.format("%06d", micros % 1_000_000);
    }

    /* A fresh ts from the clock, later than every ts handed out before, as Slack's are unique per channel. */
    private String nextTs() {
        Instant now = Instant.now();
        long micros = now.getEpochSecond() * 1_000_000L + now.getNano() / 1000;
        return ts(lastMicros.updateAndGet(last -> Math.max(last + 1, micros)));
    }

    private Message store(Message message) {
        List<Message> list = channels.computeIfAbsent(message.channel(), c -> new ArrayList<>());
        synchronized (list) {
            list.add(message);
        }
        return message;
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            return null;
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        byte[] raw;
        try (InputStream in = exchange.getRequestBody()) {
            raw = in.readAllBytes();
        }
        String body = new String(raw, StandardCharsets.UTF_8);
        String method;
        if (path.startsWith("/api/")) {
            method = path.substring("/api/".length());
        } else if (path.startsWith("/response/")) {
            method = "response_url";
        } else if (path.startsWith("/upload/")) {
            method = "upload";
        } else {
            method = path;
        }
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        Map<String, String> form = contentType != null && contentType.startsWith("application/x-www-form-urlencoded")
                ? form(body) : Map.of();
        calls.add(new Call(method, path, form, method.equals("upload") ? "(" + raw.length + " bytes)" : body,
                exchange.getRequestHeaders().getFirst("Authorization")));

        if (latencyMillis > 0) {
            /* This sleep is the subject, not a wait: Slack answering slowly over the internet (latency()). */
            try {
                Thread.sleep(latencyMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Deque<Scripted> queue = scripted.get(method);
        Scripted answer = queue == null ? null : queue.poll();
        if (answer == null) {
            answer = new Scripted(200, Map.of(), defaultAnswer(method, form));
        }
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        byte[] out = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(answer.status(), out.length == 0 ? -1 : out.length);
        try (OutputStream os = exchange.getResponseBody()) {
            os.write(out);
        }
    }

    private String defaultAnswer(String method, Map<String, String> form) {
        return switch (method) {
            case "chat.postMessage" -> postMessage(form);
            case "conversations.history" -> history(form);
            case "auth.test" -> "{\"ok\":true,\"url\":\"https://folkevalgt.slack.com/\",\"team\":\"Rakkestad\","
                    + "\"user\":\"folkevalgt\",\"team_id\":\"T0001\",\"user_id\":\"UBOT\",\"bot_id\":\"BBOT\","
                    + "\"is_enterprise_install\":false}";
            case "chat.postEphemeral" -> "{\"ok\":true,\"message_ts\":\"1700000000.000300\"}";
            case "files.getUploadURLExternal" -> "{\"ok\":true,\"upload_url\":\"" + base() + "upload/F0001\","
                    + "\"file_id\":\"F0001\"}";
            case "files.completeUploadExternal" -> "{\"ok\":true,\"files\":[{\"id\":\"F0001\",\"title\":\"ordsky\"}]}";
            case "apps.connections.open" -> "{\"ok\":false,\"error\":\"invalid_auth\"}";
            case "conversations.open" -> "{\"ok\":true,\"channel\":{\"id\":\"D0DM\"}}";
            case "views.open" -> viewsOpen(form);
            case "upload" -> "OK - 1";
            case "response_url" -> "ok";
            default -> "{\"ok\":true}";
        };
    }

    /*
     * Stores the message, with its metadata when that is well formed: Slack posts a message whose
     * metadata it cannot read without it, and says so in a warning.
     */
    private String postMessage(Map<String, String> form) {
        String channel = form.getOrDefault("channel", "C0");
        ObjectNode answer = JSON.createObjectNode().put("ok", true).put("channel", channel);
        JsonNode metadata = null;
        if (form.containsKey("metadata")) {
            JsonNode parsed = parse(form.get("metadata"));
            if (parsed != null && parsed.path("event_type").isTextual()
                    && parsed.path("event_type").asText().matches("[A-Za-z0-9_]+") && parsed.path("event_payload").isObject()) {
                metadata = parsed;
            } else {
                answer.put("warning", "invalid_metadata_format");
            }
        }
        Message message = store(new Message(channel, nextTs(), form.get("thread_ts"), "UBOT", "BBOT",
                form.getOrDefault("text", ""), metadata));
        answer.put("ts", message.ts());
        answer.set("message", json(message, true));
        return answer.toString();
    }

    /*
     * views.open as Slack answers it: the view as opened, with the id, an empty state and the hash Slack
     * adds. A call without a trigger_id or a view is refused as Slack refuses it.
     */
    private String viewsOpen(Map<String, String> form) {
        JsonNode view = form.containsKey("view") ? parse(form.get("view")) : null;
        if (form.getOrDefault("trigger_id", "").isBlank() || view == null || !view.isObject()) {
            return "{\"ok\":false,\"error\":\"invalid_arguments\"}";
        }
        ObjectNode shown = ((ObjectNode) view).deepCopy();
        shown.put("id", "V0" + views.incrementAndGet()).put("team_id", "T0001")
                .put("hash", "1700000000.abcdef" + views.get());
        shown.set("state", JSON.createObjectNode().set("values", JSON.createObjectNode()));
        opened.add(shown);
        return JSON.createObjectNode().put("ok", true).<ObjectNode>set("view", shown).toString();
    }

    private static ObjectNode json(Message message, boolean withMetadata) {
        ObjectNode node = JSON.createObjectNode().put("type", "message");
        if (message.botId() != null) {
            node.put("subtype", "bot_message").put("bot_id", message.botId()).put("app_id", "A0FOLKEVALGT");
        }
        node.put("user", message.user()).put("text", message.text()).put("ts", message.ts());
        if (message.threadTs() != null) {
            node.put("thread_ts", message.threadTs());
        }
        if (withMetadata && message.metadata() != null) {
            node.set("metadata", message.metadata());
        }
        return node;
    }

    /* conversations.history over the messages this fake keeps (FakeHistory has the rules). */
    private String history(Map<String, String> form) {
        String channel = form.get("channel");
        if (channel == null || channel.isEmpty()) {
            return "{\"ok\":false,\"error\":\"channel_not_found\"}";
        }
        return HISTORY.answer(messages(channel), form, nextTs());
    }

    private static Map<String, String> form(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            fields.put(name, value);
        }
        return fields;
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
