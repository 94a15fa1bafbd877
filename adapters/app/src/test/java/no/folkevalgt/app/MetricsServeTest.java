package no.folkevalgt.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import no.folkevalgt.testsupport.Waits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /metrics} of a running bot after some traffic: the JVM, the process, the HTTP server per
 * route pattern and status, the connection pool and the scheduler, with sensible values; and
 * {@code METRICS_TOKEN}.
 */
class MetricsServeTest {

    @TempDir
    Path home;

    private final HttpClient http = HttpClient.newHttpClient();

    private BotServer start(Map<String, String> settings) throws Exception {
        Cli cli = new Cli(home);
        cli.env.put("PORT", "0");
        cli.env.putAll(settings);
        return BotServer.builder().settings(cli.env).workingDir(home).start();
    }

    @Test
    void afterSomeRequests_metricsShowTheJvm_theProcess_httpPerRouteAndStatus_thePool_andTheScheduler() throws Exception {
        try (BotServer running = start(Map.of())) {
            String base = "http://127.0.0.1:" + running.port();
            String session = ChatSessions.fresh(base);
            for (int i = 0; i < 3; i++) {
                assertThat(get(base + "/readyz", Map.of()).statusCode()).isEqualTo(200);
            }
            assertThat(post(base + "/api/melding", "{\"tekst\":\"Hva er en interpellasjon?\"}", session).statusCode())
                    .isEqualTo(200);
            assertThat(post(base + "/api/melding", "{\"tekst\":", session).statusCode()).isEqualTo(400);
            assertThat(get(base + "/static/style.css", Map.of()).statusCode()).isEqualTo(200);
            assertThat(get(base + "/static/chat.js", Map.of()).statusCode()).isEqualTo(200);
            assertThat(get(base + "/fasilitator/eksport.csv?oppgave=1", Map.of("X-Forwarded-For", "203.0.113.9"))
                    .statusCode()).isEqualTo(403);
            /* A facilitator's search for a slide to teach is not a member's question: not counted below. */
            HttpResponse<String> search = get(base + "/fasilitator/sok?q=inntekter%20kommunen", Map.of());
            assertThat(search.statusCode()).as(search.body()).isEqualTo(200);
            assertThat(search.body()).contains("\"passages\":[{");
            /* The retention task runs when the first instance starts: its completion is counted. */
            awaitMetric(base, "dbscheduler_task_completions_total{result=\"ok\",task=\"retention\"}");

            HttpResponse<String> metrics = get(base + "/metrics", Map.of());
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
            String body = metrics.body();

            // the JVM
            assertThat(value(body, "jvm_memory_used_bytes", Map.of("area", "heap"))).isPositive();
            assertThat(value(body, "jvm_memory_max_bytes", Map.of("area", "heap"))).isPositive();
            assertThat(value(body, "jvm_threads_live_threads", Map.of())).isGreaterThan(5);
            assertThat(value(body, "jvm_classes_loaded_classes", Map.of())).isGreaterThan(1000);
            assertThat(body).contains("# TYPE jvm_gc_memory_allocated_bytes_total counter");
            assertThat(body).contains("jvm_info{");
            // the process and the system
            assertThat(value(body, "process_uptime_seconds", Map.of())).isPositive();
            assertThat(value(body, "system_cpu_count", Map.of())).isGreaterThanOrEqualTo(1);
            assertThat(body).contains("process_cpu_usage ");
            assertThat(value(body, "process_files_open_files", Map.of())).isPositive();
            assertThat(value(body, "process_files_max_files", Map.of()))
                    .isGreaterThan(value(body, "process_files_open_files", Map.of()));
            // HTTP per route pattern and status, never the raw path
            assertThat(value(body, "http_server_requests_seconds_count",
                    Map.of("method", "GET", "uri", "/readyz", "status", "200", "outcome", "SUCCESS"))).isEqualTo(3);
            assertThat(value(body, "http_server_requests_seconds_count",
                    Map.of("method", "POST", "uri", "/api/melding", "status", "200"))).isEqualTo(1);
            assertThat(value(body, "http_server_requests_seconds_count",
                    Map.of("method", "POST", "uri", "/api/melding", "status", "400", "outcome", "CLIENT_ERROR"))).isEqualTo(1);
            assertThat(value(body, "http_server_requests_seconds_count",
                    Map.of("method", "GET", "uri", "/static/*", "status", "200"))).isEqualTo(2);
            assertThat(value(body, "http_server_requests_seconds_count",
                    Map.of("uri", "/fasilitator/eksport.csv", "status", "403"))).isEqualTo(1);
            assertThat(value(body, "http_server_requests_seconds_sum",
                    Map.of("method", "POST", "uri", "/api/melding", "status", "200"))).isPositive().isLessThan(30);
            assertThat(body).contains("http_server_requests_seconds_bucket{")
                    .doesNotContain("uri=\"/static/style.css\"").doesNotContain("oppgave=1");
            // the connection pool
            Map<String, String> pool = Map.of("pool", "folkevalgt-db");
            assertThat(value(body, "hikaricp_connections_max", pool)).isEqualTo(10);
            assertThat(value(body, "hikaricp_connections", pool)).isBetween(1.0, 10.0);
            assertThat(value(body, "hikaricp_connections_pending", pool)).isZero();
            assertThat(value(body, "hikaricp_connections_timeout_total", pool)).isZero();
            assertThat(value(body, "hikaricp_connections_acquire_seconds_count", pool)).isPositive();
            // the scheduler
            assertThat(value(body, "dbscheduler_task_completions_total", Map.of("task", "retention", "result", "ok")))
                    .isEqualTo(1);
            assertThat(value(body, "dbscheduler_task_completions_total", Map.of("task", "retention", "result", "failed")))
                    .isZero();
            assertThat(value(body, "folkevalgt_retention_deleted_total", Map.of("table", "reflection_answers"))).isZero();
            assertThat(value(body, "folkevalgt_questions_total", Map.of())).isEqualTo(1);

            /* The dashboard and the alert rules in docs/ name only metrics this scrape has (or that appear with
               their first event: a GC pause, a post), and the rules file is valid YAML. */
            java.util.Set<String> eventDriven = java.util.Set.of("jvm_gc_pause_seconds", "folkevalgt_posts_outcomes_total",
                    "folkevalgt_posts_failed_total", "probe_success", "up");
            for (Path doc : List.of(Path.of("../../docs/grafana/folkevalgt-bot.json"),
                    Path.of("../../docs/prometheus/folkevalgt-bot.rules.yml"))) {
                String text = java.nio.file.Files.readString(doc);
                if (doc.toString().endsWith(".json")) {
                    new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
                }
                Matcher names = Pattern.compile("\\b((?:jvm|process|system|http|hikaricp|dbscheduler|folkevalgt|probe)_[a-z0-9_]+|up)\\{")
                        .matcher(text);
                int seen = 0;
                while (names.find()) {
                    String name = names.group(1).replaceAll("_(bucket|sum|count)$", "");
                    seen++;
                    if (!eventDriven.contains(name)) {
                        assertThat(body).as("%s in %s", name, doc).containsPattern("(?m)^" + Pattern.quote(name) + "[_a-z]*[{ ]");
                    }
                }
                assertThat(seen).as("metrics named in %s", doc).isGreaterThan(10);
            }
        }
    }

    @Test
    void withMetricsToken_metricsNeedTheBearerToken_andOtherwiseSay401InNorwegian() throws Exception {
        String token = "metrics-" + "0123456789abcdef";
        try (BotServer running = start(Map.of("METRICS_TOKEN", token))) {
            String base = "http://127.0.0.1:" + running.port();

            HttpResponse<String> none = get(base + "/metrics", Map.of());
            HttpResponse<String> wrong = get(base + "/metrics", Map.of("Authorization", "Bearer " + token + "x"));
            HttpResponse<String> basic = get(base + "/metrics", Map.of("Authorization", "Basic " + token));
            HttpResponse<String> right = get(base + "/metrics", Map.of("Authorization", "Bearer " + token));
            HttpResponse<String> ready = get(base + "/readyz", Map.of());

            for (HttpResponse<String> refused : List.of(none, wrong, basic)) {
                assertThat(refused.statusCode()).isEqualTo(401);
                assertThat(refused.body()).isEqualTo("Målingene krever METRICS_TOKEN: send «Authorization: Bearer <token>».");
                assertThat(refused.headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"metrics\"");
                assertThat(refused.body()).doesNotContain("jvm_");
            }
            assertThat(right.statusCode()).isEqualTo(200);
            assertThat(right.body()).contains("jvm_memory_used_bytes").contains("folkevalgt_questions_total");
            assertThat(ready.statusCode()).as("/readyz stays open for the load balancer").isEqualTo(200);
        }
    }

    @Test
    void withoutMetricsToken_metricsAreOpen_asBefore() throws Exception {
        try (BotServer running = start(Map.of())) {
            HttpResponse<String> metrics = get("http://127.0.0.1:" + running.port() + "/metrics", Map.of());

            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body()).contains("process_uptime_seconds");
        }
    }

    /** The sum of the samples of {@code name} whose labels include {@code labels} (there must be one). */
    static double value(String scrape, String name, Map<String, String> labels) {
        Pattern line = Pattern.compile("^" + Pattern.quote(name) + "(\\{([^}]*)})? (\\S+)$", Pattern.MULTILINE);
        Matcher m = line.matcher(scrape);
        Double found = null;
        while (m.find()) {
            String shown = m.group(2) == null ? "" : m.group(2);
            boolean all = labels.entrySet().stream()
                    .allMatch(e -> shown.contains(e.getKey() + "=\"" + e.getValue() + "\""));
            if (all) {
                found = (found == null ? 0 : found) + Double.parseDouble(m.group(3));
            }
        }
        assertThat(found).as("a sample of %s with %s in\n%s", name, labels, scrape).isNotNull();
        return found;
    }

    private void awaitMetric(String base, String sample) {
        Waits.within(Duration.ofSeconds(15)).untilAsserted(
                () -> assertThat(get(base + "/metrics", Map.of()).body()).as("/metrics").contains(sample));
    }

    private HttpResponse<String> get(String url, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> post(String url, String json, String cookie) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json").header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
