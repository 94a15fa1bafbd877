package no.folkevalgt.web;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import no.folkevalgt.core.http.HttpRequest;
import no.folkevalgt.core.http.HttpResponse;
import no.folkevalgt.core.http.HttpRoute;
import no.folkevalgt.knowledge.KnowledgeBase;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Operations: {@code /healthz} (the process answers: 200 "ok"), {@code /readyz} (the index has
 * passages and the database answers: 200, else 503 with what is wrong, as JSON) and {@code /metrics}
 * (Prometheus text).
 */
final class OpsHandlers {

    private final KnowledgeBase knowledgeBase;
    private final Runnable databaseCheck;
    private final PrometheusMeterRegistry registry;

    OpsHandlers(KnowledgeBase knowledgeBase, Runnable databaseCheck, PrometheusMeterRegistry registry) {
        this.knowledgeBase = knowledgeBase;
        this.databaseCheck = databaseCheck;
        this.registry = registry;
    }

    List<HttpRoute> routes() {
        return List.of(
                new HttpRoute("GET", "/healthz", request -> HttpResponse.text(200, "ok").withHeader("Cache-Control", "no-store")),
                new HttpRoute("GET", "/readyz", this::ready),
                new HttpRoute("GET", "/metrics", this::metrics));
    }

    private HttpResponse ready(HttpRequest request) {
        Map<String, Object> checks = new LinkedHashMap<>();
        boolean ok = true;
        try {
            KnowledgeBase.Stats stats = knowledgeBase.stats();
            if (stats.passages() > 0) {
                checks.put("index", Map.of("ok", true, "passages", stats.passages()));
            } else {
                checks.put("index", Map.of("ok", false, "error", "the index has no passages"));
                ok = false;
            }
        } catch (RuntimeException e) {
            checks.put("index", Map.of("ok", false, "error", String.valueOf(e.getMessage())));
            ok = false;
        }
        try {
            databaseCheck.run();
            checks.put("database", Map.of("ok", true));
        } catch (RuntimeException e) {
            checks.put("database", Map.of("ok", false, "error", String.valueOf(e.getMessage())));
            ok = false;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", ok ? "ready" : "not ready");
        out.put("checks", checks);
        return Json.response(ok ? 200 : 503, out);
    }

    private HttpResponse metrics(HttpRequest request) {
        return HttpResponse.of(200, "text/plain; version=0.0.4; charset=utf-8",
                registry.scrape().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
