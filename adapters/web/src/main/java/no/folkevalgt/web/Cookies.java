package no.folkevalgt.web;

import no.folkevalgt.core.http.HttpRequest;

import java.util.List;
import java.util.Optional;

/** Reads cookies from the Cookie header(s). */
final class Cookies {

    private Cookies() {
    }

    static Optional<String> get(HttpRequest request, String name) {
        List<String> headers = request.headers().getOrDefault("Cookie", List.of());
        for (String header : headers) {
            for (String part : header.split(";")) {
                int eq = part.indexOf('=');
                if (eq > 0 && part.substring(0, eq).strip().equals(name)) {
                    String value = part.substring(eq + 1).strip();
                    if (!value.isEmpty()) {
                        return Optional.of(value);
                    }
                }
            }
        }
        return Optional.empty();
    }
}
