package no.folkevalgt.web;

import no.folkevalgt.core.http.HttpRequest;
import no.folkevalgt.core.http.HttpResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The pages' files, served from the classpath: nothing is fetched from the internet, so the pages
 * work offline. Only the files named here are served.
 */
final class StaticAssets {

    static final String BASE = "/no/folkevalgt/web/static/";

    private static final Map<String, String> TYPES = Map.of(
            "chat.html", "text/html; charset=utf-8",
            "fasilitator.html", "text/html; charset=utf-8",
            "style.css", "text/css; charset=utf-8",
            "chat.js", "text/javascript; charset=utf-8",
            "fasilitator.js", "text/javascript; charset=utf-8",
            "favicon.svg", "image/svg+xml");

    private StaticAssets() {
    }

    static HttpResponse serve(HttpRequest request) {
        String name = request.path().substring("/static/".length());
        if (!TYPES.containsKey(name) || name.endsWith(".html")) {
            return Pages.error(404, "Fant ikke siden", "Denne filen finnes ikke.");
        }
        return file(name).withHeader("Cache-Control", "no-cache");
    }

    /** A bundled file with its content type and the security headers. */
    static HttpResponse file(String name) {
        String type = TYPES.get(name);
        if (type == null) {
            throw new IllegalArgumentException("not a bundled file: " + name);
        }
        return Pages.secure(HttpResponse.of(200, type, bytes(name)));
    }

    static byte[] bytes(String name) {
        try (InputStream in = StaticAssets.class.getResourceAsStream(BASE + name)) {
            if (in == null) {
                throw new IllegalStateException("bundled file missing from the classpath: " + BASE + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + BASE + name, e);
        }
    }
}
