package no.folkevalgt.core.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What an adapter answers; the server writes it as is.
 *
 * @param status  the HTTP status
 * @param headers response headers (Content-Type included)
 * @param body    the body bytes
 */
public record HttpResponse(int status, Map<String, String> headers, byte[] body) {

    public HttpResponse {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("status must be 100-599 but was " + status);
        }
        headers = Map.copyOf(headers);
        body = body == null ? new byte[0] : body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    /** The body as UTF-8 text. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public static HttpResponse of(int status, String contentType, byte[] body) {
        return new HttpResponse(status, Map.of("Content-Type", Objects.requireNonNull(contentType, "contentType")), body);
    }

    public static HttpResponse text(int status, String text) {
        return of(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }

    public static HttpResponse json(int status, String json) {
        return of(status, "application/json; charset=utf-8", json.getBytes(StandardCharsets.UTF_8));
    }

    public static HttpResponse html(int status, String html) {
        return of(status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
    }

    /** An empty response with this status. */
    public static HttpResponse empty(int status) {
        return new HttpResponse(status, Map.of(), new byte[0]);
    }

    /** The same response with one more header. */
    public HttpResponse withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new HttpResponse(status, more, body);
    }
}
