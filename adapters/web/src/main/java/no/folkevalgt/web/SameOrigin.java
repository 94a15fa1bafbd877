package no.folkevalgt.web;

import no.folkevalgt.core.http.HttpRequest;
import no.folkevalgt.core.http.HttpResponse;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps another site's page from writing through a facilitator's browser (CSRF): a facilitator's
 * write must be JSON (a form on another site cannot send that without a preflight this server never
 * allows), its {@code Origin}, when the browser sends one, must be this server as the browser reached
 * it ({@code http://<Host>}, or {@code https://<Host>} behind a proxy that says
 * {@code X-Forwarded-Proto: https}), and its {@code Sec-Fetch-Site}, when sent, {@code same-origin} or
 * {@code none}.
 */
final class SameOrigin {

    static final String OTHER_SITE = "Forespørselen kom fra en annen side og ble avvist.";
    static final String NOT_JSON = "Send forespørselen som JSON (Content-Type: application/json).";

    private SameOrigin() {
    }

    /** Why the request is refused, as the response to give, or empty when it may go on. */
    static Optional<HttpResponse> refusal(HttpRequest request) {
        Optional<String> origin = request.header("Origin");
        if (origin.isPresent() && !ownOrigin(request, origin.get().strip())) {
            return Optional.of(Json.response(403, Map.of("melding", OTHER_SITE)));
        }
        Optional<String> site = request.header("Sec-Fetch-Site").map(s -> s.strip().toLowerCase(Locale.ROOT));
        if (site.isPresent() && !site.get().equals("same-origin") && !site.get().equals("none")) {
            return Optional.of(Json.response(403, Map.of("melding", OTHER_SITE)));
        }
        boolean json = request.header("Content-Type")
                .map(t -> t.strip().toLowerCase(Locale.ROOT))
                .filter(t -> t.equals("application/json") || t.startsWith("application/json;"))
                .isPresent();
        if (!json) {
            return Optional.of(Json.response(415, Map.of("melding", NOT_JSON)));
        }
        return Optional.empty();
    }

    private static boolean ownOrigin(HttpRequest request, String origin) {
        Optional<String> host = request.header("Host").map(String::strip).filter(h -> !h.isEmpty());
        if (host.isEmpty()) {
            return false;
        }
        String o = origin.toLowerCase(Locale.ROOT);
        String h = host.get().toLowerCase(Locale.ROOT);
        if (o.equals("http://" + h)) {
            return true;
        }
        boolean https = request.header("X-Forwarded-Proto").map(p -> p.strip().equalsIgnoreCase("https")).orElse(false);
        return https && o.equals("https://" + h);
    }
}
