package no.folkevalgt.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.List;

import no.folkevalgt.core.http.HttpResponse;
import no.folkevalgt.core.http.HttpRoute;
import org.junit.jupiter.api.Test;

class WebServerTest {

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void route_getsTheRawBodyAndHeaders_andItsResponseIsWrittenAsIs() throws Exception {
        HttpRoute echo = new HttpRoute("POST", "/slack/events", request -> HttpResponse.text(201,
                request.header("x-slack-signature").orElse("-") + "|" + request.bodyText() + "|" + request.fromLoopback())
                .withHeader("X-Test", "ja"));
        try (WebServer server = WebServer.start("127.0.0.1", 0, List.of(echo))) {
            var response = client.send(java.net.http.HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + server.port() + "/slack/events"))
                    .header("X-Slack-Signature", "v0=abc")
                    .POST(BodyPublishers.ofString("token=x&text=%C3%A6%C3%B8%C3%A5+hei", StandardCharsets.UTF_8)).build(),
                    BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(201);
            assertThat(response.body()).isEqualTo("v0=abc|token=x&text=%C3%A6%C3%B8%C3%A5+hei|true");
            assertThat(response.headers().firstValue("X-Test")).hasValue("ja");
        }
    }

    @Test
    void wildcardRoute_servesEverythingBelowIt_andUnknownPathsAre404() throws Exception {
        HttpRoute assets = new HttpRoute("GET", "/assets/*", request -> HttpResponse.text(200, request.path()));
        try (WebServer server = WebServer.start("127.0.0.1", 0, List.of(assets))) {
            String base = "http://127.0.0.1:" + server.port();
            var found = client.send(java.net.http.HttpRequest.newBuilder(URI.create(base + "/assets/js/chat.js")).build(),
                    BodyHandlers.ofString());
            var missing = client.send(java.net.http.HttpRequest.newBuilder(URI.create(base + "/nope")).build(),
                    BodyHandlers.ofString());

            assertThat(found.statusCode()).isEqualTo(200);
            assertThat(found.body()).isEqualTo("/assets/js/chat.js");
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(missing.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
            assertThat(missing.body()).contains("<html lang=\"nb\">", "<title>Fant ikke siden</title>", "Adressen finnes ikke her.")
                    .doesNotContain("Endpoint", "not found");
        }
    }

    @Test
    void aRouteThatAnswers404ItselfKeepsItsOwnPage() throws Exception {
        HttpRoute cloud = new HttpRoute("GET", "/ordsky", request -> HttpResponse.text(404, "Fant ikke ordskyen."));
        try (WebServer server = WebServer.start("127.0.0.1", 0, List.of(cloud))) {
            var response = client.send(java.net.http.HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                    + "/ordsky")).build(), BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.body()).isEqualTo("Fant ikke ordskyen.");
        }
    }

    @Test
    void failingRoute_answers500WithANorwegianMessage_andTheServerGoesOn() throws Exception {
        HttpRoute broken = new HttpRoute("GET", "/broken", request -> {
            throw new IllegalStateException("boom");
        });
        HttpRoute ok = new HttpRoute("GET", "/ok", request -> HttpResponse.text(200, "ok"));
        try (WebServer server = WebServer.start("127.0.0.1", 0, List.of(broken, ok))) {
            String base = "http://127.0.0.1:" + server.port();
            var failed = client.send(java.net.http.HttpRequest.newBuilder(URI.create(base + "/broken")).build(),
                    BodyHandlers.ofString());
            var fine = client.send(java.net.http.HttpRequest.newBuilder(URI.create(base + "/ok")).build(),
                    BodyHandlers.ofString());

            assertThat(failed.statusCode()).isEqualTo(500);
            assertThat(failed.body()).contains("Prøv igjen").doesNotContain("boom");
            assertThat(fine.body()).isEqualTo("ok");
        }
    }
}
