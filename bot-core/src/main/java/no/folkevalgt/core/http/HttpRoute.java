package no.folkevalgt.core.http;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * One route an adapter serves on the application's single HTTP server, registered like a handler:
 * {@code new HttpRoute("POST", "/slack/events", request -> ...)}. A path ending in {@code /*} also
 * matches everything below it (static assets).
 *
 * @param method  GET, POST, PUT, DELETE, PATCH or HEAD
 * @param path    starts with '/'
 * @param handler answers the requests
 */
public record HttpRoute(String method, String path, HttpHandler handler) {

    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD");

    public HttpRoute {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(handler, "handler");
        method = method.toUpperCase(Locale.ROOT);
        if (!METHODS.contains(method)) {
            throw new IllegalArgumentException("method must be one of " + METHODS + " but was " + method);
        }
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with '/' but was " + path);
        }
    }
}
