package no.folkevalgt.core.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A raw HTTP request as the application's one HTTP server received it, handed to an adapter
 * unchanged (Slack's signature is computed over the exact body bytes).
 *
 * @param method        GET, POST, ...
 * @param path          the path without the query, e.g. {@code /slack/events}
 * @param headers       header values by name; look them up with {@link #header(String)} (case-insensitive)
 * @param query         query parameters
 * @param body          the body bytes exactly as received
 * @param remoteAddress the client's IP address, for the local-only checks
 */
public record HttpRequest(String method, String path, Map<String, List<String>> headers,
                          Map<String, List<String>> query, byte[] body, String remoteAddress) {

    public HttpRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        TreeMap<String, List<String>> folded = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> folded.put(name, List.copyOf(values)));
        headers = java.util.Collections.unmodifiableMap(folded);
        query = Map.copyOf(query);
        body = body == null ? new byte[0] : body.clone();
        remoteAddress = remoteAddress == null ? "" : remoteAddress;
    }

    /** The first value of a header, case-insensitively. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The first value of a query parameter. */
    public Optional<String> queryParam(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    /** The body as UTF-8 text. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** Whether the request came from this machine (127.0.0.0/8 or ::1). */
    public boolean fromLoopback() {
        String a = remoteAddress.toLowerCase(Locale.ROOT);
        return a.startsWith("127.") || a.equals("::1") || a.equals("0:0:0:0:0:0:0:1") || a.equals("[::1]");
    }

    @Override
    public String toString() {
        return "HttpRequest[" + method + " " + path + ", " + body.length + " bytes from " + remoteAddress + "]";
    }
}
