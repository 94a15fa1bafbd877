package no.folkevalgt.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Web chat sessions for tests and harnesses that post to {@code /api/melding}: the server issues them
 * on {@code GET /} (a made-up {@code fv_okt} is refused with 401), so each simulated browser gets one
 * from the page first, as a real browser does, and keeps it.
 */
public final class ChatSessions {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Map<String, String> cookies = new ConcurrentHashMap<>();

    /**
     * The Cookie header value ({@code fv_okt=...}) of the browser called {@code who}, loading the page
     * from {@code base} the first time.
     */
    public String cookie(String base, String who) {
        return cookies.computeIfAbsent(who, w -> fresh(base));
    }

    /** Forgets {@code who}'s session (e.g. after the database it was issued on is gone). */
    public void forget(String who) {
        cookies.remove(who);
    }

    /** A new session from the page at {@code base}. */
    public static String fresh(String base) {
        try {
            HttpResponse<Void> page = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/"))
                    .timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.discarding());
            String cookie = page.headers().firstValue("Set-Cookie")
                    .orElseThrow(() -> new IllegalStateException("GET / set no session cookie (status " + page.statusCode() + ")"));
            return cookie.substring(0, cookie.indexOf(';'));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
