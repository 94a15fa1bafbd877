package no.folkevalgt.web;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import no.folkevalgt.core.http.HttpRequest;
import no.folkevalgt.core.http.HttpResponse;
import no.folkevalgt.core.http.HttpRoute;
import no.folkevalgt.knowledge.KnowledgeBase;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Operations: {@code /healthz} (the process answers: 200 "ok"), {@code /readyz} (the index has
 * passages, the database answers and, when the application runs one, the post scheduler is alive:
 * 200, else 503 with what is wrong, as JSON) and {@code /metrics} (Prometheus text).
 */
final class OpsHandlers {

    private final KnowledgeBase knowledgeBase;
    private final Runnable databaseCheck;
    /* Null when the application runs no post scheduler: then /readyz has no "scheduler" check. */
    private final Supplier<ReadinessCheck> schedulerCheck;
    private final PrometheusMeterRegistry registry;

    OpsHandlers(KnowledgeBase knowledgeBase, Runnable databaseCheck, Supplier<ReadinessCheck> schedulerCheck,
                PrometheusMeterRegistry registry) {
        this.knowledgeBase = knowledgeBase;
        this.databaseCheck = databaseCheck;
        this.schedulerCheck = schedulerCheck;
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
        if (schedulerCheck != null) {
            Map<String, Object> scheduler = check(schedulerCheck);
            checks.put("scheduler", scheduler);
            ok &= Boolean.TRUE.equals(scheduler.get("ok"));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", ok ? "ready" : "not ready");
        out.put("checks", checks);
        return Json.response(ok ? 200 : 503, out);
    }

    /* {"ok": true, "detail": ...} or {"ok": false, "error": ...}, like the other checks; a check that throws fails. */
    private static Map<String, Object> check(Supplier<ReadinessCheck> check) {
        ReadinessCheck result;
        try {
            result = check.get();
        } catch (RuntimeException e) {
            return Map.of("ok", false, "error", String.valueOf(e.getMessage()));
        }
        if (result == null) {
            return Map.of("ok", false, "error", "the check gave no answer");
        }
        return result.ok() ? Map.of("ok", true, "detail", result.detail())
                : Map.of("ok", false, "error", result.detail());
    }

    private HttpResponse metrics(HttpRequest request) {
        return HttpResponse.of(200, "text/plain; version=0.0.4; charset=utf-8",
                registry.scrape().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
