package no.folkevalgt.web;

import no.folkevalgt.core.http.HttpResponse;

/** Small server-rendered pages (errors, refusals) and the headers every page gets. */
final class Pages {

    /* Everything from this server only: the pages work offline and run no injected script. */
    static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
            + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    private Pages() {
    }

    static HttpResponse secure(HttpResponse response) {
        return response.withHeader("Content-Security-Policy", CSP)
                .withHeader("X-Content-Type-Options", "nosniff")
                .withHeader("Referrer-Policy", "no-referrer");
    }

    /** A short Norwegian page with a heading and a paragraph. */
    static HttpResponse error(int status, String heading, String text) {
        return secure(HttpResponse.html(status, page(heading, "<p>" + escape(text) + "</p>")));
    }

    /** The page a facilitator from another machine sees without the token: a field to give it. */
    static HttpResponse needsToken() {
        String body = "<p>Fasilitatorsiden er beskyttet. Skriv inn tilgangskoden (innstillingen FACILITATOR_TOKEN) "
                + "for å åpne den.</p>"
                + "<form method=\"get\" action=\"/fasilitator\" class=\"token-form\">"
                + "<label for=\"token\">Tilgangskode</label>"
                + "<input id=\"token\" name=\"token\" type=\"password\" autocomplete=\"current-password\" required>"
                + "<button type=\"submit\">Åpne</button></form>";
        return secure(HttpResponse.html(401, page("Tilgangskode kreves", body)))
                .withHeader("WWW-Authenticate", "Bearer realm=\"fasilitator\"");
    }

    static HttpResponse localOnly() {
        return error(403, "Bare fra denne maskinen",
                "Fasilitatorsiden kan bare åpnes på maskinen boten kjører på (localhost). "
                        + "Vil du åpne den fra en annen maskin, må den som drifter boten sette en tilgangskode "
                        + "(innstillingen FACILITATOR_TOKEN).");
    }

    static String page(String heading, String body) {
        return "<!doctype html><html lang=\"nb\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + escape(heading) + " – Folkevalgt-bot</title>"
                + "<link rel=\"stylesheet\" href=\"/static/style.css\"></head>"
                + "<body><main class=\"notice\"><h1>" + escape(heading) + "</h1>" + body
                + "<p><a href=\"/\">Til chatten</a></p></main></body></html>";
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
