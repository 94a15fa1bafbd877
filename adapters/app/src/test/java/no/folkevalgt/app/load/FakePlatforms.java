package no.folkevalgt.app.load;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Slack and Microsoft on loopback, for the load harness: Slack's Web API (every method answers ok),
 * Slack's {@code response_url} ({@code /respond/{id}}) and the Bot Connector ({@code /teams/v3/...}).
 * Each answer that arrives is recorded by the id of the request it answers, with the time it arrived.
 */
final class FakePlatforms implements AutoCloseable {

    /** What arrived for one request id. */
    record Arrival(long nanos, String body) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(64);
    final Map<String, Arrival> slackAnswers = new ConcurrentHashMap<>();
    final Map<String, Arrival> teamsReplies = new ConcurrentHashMap<>();
    final AtomicInteger slackApiCalls = new AtomicInteger();
    final AtomicInteger teamsActivities = new AtomicInteger();
    final AtomicInteger duplicates = new AtomicInteger();
    private final AtomicInteger ids = new AtomicInteger();

    FakePlatforms() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
        server.setExecutor(executor);
        server.createContext("/api/", ex -> {
            read(ex);
            slackApiCalls.incrementAndGet();
            send(ex, 200, "{\"ok\":true,\"user_id\":\"UBOT\",\"bot_id\":\"B1\",\"team_id\":\"T0001\",\"team\":\"Testkommunen\","
                    + "\"channel\":\"C0LOAD\",\"ts\":\"1700000000." + ids.incrementAndGet() + "\"}");
        });
        server.createContext("/respond/", ex -> {
            String body = read(ex);
            String id = ex.getRequestURI().getPath().substring("/respond/".length());
            if (slackAnswers.putIfAbsent(id, new Arrival(System.nanoTime(), body)) != null) {
                duplicates.incrementAndGet();
            }
            send(ex, 200, "ok");
        });
        server.createContext("/teams/v3/", ex -> {
            String body = read(ex);
            teamsActivities.incrementAndGet();
            String path = ex.getRequestURI().getPath();
            String last = path.substring(path.lastIndexOf('/') + 1);
            /* Replies go to /v3/conversations/{id}/activities/{replyToId}; anything else (typing) is only counted. */
            if (last.startsWith("act-") && !body.contains("\"typing\"")) {
                if (teamsReplies.putIfAbsent(last, new Arrival(System.nanoTime(), body)) != null) {
                    duplicates.incrementAndGet();
                }
            }
            send(ex, 200, "{\"id\":\"sent-" + ids.incrementAndGet() + "\"}");
        });
        server.start();
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    String slackApiUrl() {
        return base() + "api/";
    }

    String responseUrl(String id) {
        return base() + "respond/" + id;
    }

    String teamsServiceUrl() {
        return base() + "teams/";
    }

    private static String read(HttpExchange ex) throws IOException {
        try (InputStream in = ex.getRequestBody()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void send(HttpExchange ex, int status, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
