package no.folkevalgt.web;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import no.folkevalgt.core.http.HttpRequest;
import no.folkevalgt.core.http.HttpResponse;
import no.folkevalgt.core.http.HttpRoute;
import no.folkevalgt.core.port.KnowledgeBase;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Operations: {@code /healthz} (the process answers: 200 "ok"), {@code /readyz} (the index has
 * passages, the database answers and, when the application runs one, the post scheduler is alive:
 * 200, else 503 with which check failed, as JSON; a database or index that throws is only "ikke
 * tilgjengelig" there, its details go to the log) and {@code /metrics} (Prometheus text; with a
 * {@code METRICS_TOKEN} only for {@code Authorization: Bearer <token>}, else 401).
 */
final class OpsHandlers {

    /** What {@code /readyz} says of a check that threw: the details are in the log, not on the page. */
    static final String UNAVAILABLE = "ikke tilgjengelig";

    private static final Logger log = LoggerFactory.getLogger(OpsHandlers.class);

    private final AtomicBoolean databaseDown = new AtomicBoolean();
    private final KnowledgeBase knowledgeBase;
    private final Runnable databaseCheck;
    /* Null when the application runs no post scheduler: then /readyz has no "scheduler" check. */
    private final Supplier<ReadinessCheck> schedulerCheck;
    /** What {@code /metrics} answers a request without the right {@code METRICS_TOKEN}. */
    static final String METRICS_REFUSED = "Målingene krever METRICS_TOKEN: send «Authorization: Bearer <token>».";

    private final PrometheusMeterRegistry registry;
    /* Null: /metrics is open (keep it internal at the proxy). */
    private final byte[] metricsToken;

    OpsHandlers(KnowledgeBase knowledgeBase, Runnable databaseCheck, Supplier<ReadinessCheck> schedulerCheck,
                PrometheusMeterRegistry registry, String metricsToken) {
        this.knowledgeBase = knowledgeBase;
        this.databaseCheck = databaseCheck;
        this.schedulerCheck = schedulerCheck;
        this.registry = registry;
        this.metricsToken = metricsToken == null ? null : metricsToken.getBytes(java.nio.charset.StandardCharsets.UTF_8);
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
            checks.put("index", Map.of("ok", false, "error", UNAVAILABLE));
            ok = false;
            log.warn("Readiness: the index check failed: {}", e.toString());
        }
        try {
            databaseCheck.run();
            checks.put("database", Map.of("ok", true));
            databaseDown.set(false);
        } catch (RuntimeException e) {
            /* /readyz is unguarded: it says which check failed, never the database's host, name or user.
               What went wrong goes to the log (the database's messages hide passwords), once per outage
               at WARN and at DEBUG while it lasts. */
            checks.put("database", Map.of("ok", false, "error", UNAVAILABLE));
            ok = false;
            if (databaseDown.compareAndSet(false, true)) {
                log.warn("Readiness: the database check failed: {}", e.toString());
            } else {
                log.debug("Readiness: the database check failed: {}", e.toString());
            }
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
        if (metricsToken != null && !authorized(request)) {
            return HttpResponse.text(401, METRICS_REFUSED)
                    .withHeader("WWW-Authenticate", "Bearer realm=\"metrics\"")
                    .withHeader("Cache-Control", "no-store");
        }
        return HttpResponse.of(200, "text/plain; version=0.0.4; charset=utf-8",
                registry.scrape().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /* Authorization: Bearer <token>, compared in constant time so that the token cannot be guessed from response times. */
    private boolean authorized(HttpRequest request) {
        String presented = request.header("Authorization")
                .filter(a -> a.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(a -> a.substring(7).strip())
                .orElse("");
        return java.security.MessageDigest.isEqual(presented.getBytes(java.nio.charset.StandardCharsets.UTF_8), metricsToken);
    }
}
