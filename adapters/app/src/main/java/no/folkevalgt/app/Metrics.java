package no.folkevalgt.app;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmInfoMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import no.folkevalgt.http.WebServer;
import no.folkevalgt.storage.Database;

/**
 * What {@code /metrics} shows besides the bot's own figures: the JVM (memory, garbage collection,
 * threads, classes), the process and system (uptime, CPU, open files), the HTTP server per route and
 * status, and the database's connection pool. The post scheduler registers its own
 * ({@code dbscheduler_*}, {@code folkevalgt_posts_outcomes_total}, {@code folkevalgt_retention_*}).
 */
final class Metrics {

    /** The HTTP server's timer: {@code http_server_requests_seconds} in Prometheus. */
    static final String HTTP_REQUESTS = "http.server.requests";

    /* A few buckets for latency quantiles in Grafana, without a full histogram per route and status. */
    private static final Duration[] HTTP_BUCKETS = {Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofMillis(100),
            Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500),
            Duration.ofSeconds(5)};

    private Metrics() {
    }

    /** Binds the JVM, process and system meters; close what it returns to stop listening for garbage collections. */
    static AutoCloseable bindJvmAndSystem(MeterRegistry registry) {
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        JvmGcMetrics gc = new JvmGcMetrics();
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new JvmInfoMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        return gc;
    }

    /**
     * Times every request a route answered, tagged with the method, the route's pattern ({@code uri};
     * {@code /static/*}, never the path asked for, so there are as many values as routes), the status
     * and its class ({@code outcome}: SUCCESS, REDIRECTION, CLIENT_ERROR, SERVER_ERROR).
     */
    static WebServer.RequestObserver http(MeterRegistry registry) {
        return (method, route, status, nanos) -> Timer.builder(HTTP_REQUESTS)
                .description("HTTP requests answered by a route")
                .tag("method", method)
                .tag("uri", route)
                .tag("status", Integer.toString(status))
                .tag("outcome", outcome(status))
                .serviceLevelObjectives(HTTP_BUCKETS)
                .register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    static String outcome(int status) {
        if (status >= 500) {
            return "SERVER_ERROR";
        }
        if (status >= 400) {
            return "CLIENT_ERROR";
        }
        if (status >= 300) {
            return "REDIRECTION";
        }
        return status >= 200 ? "SUCCESS" : "INFORMATIONAL";
    }

    /**
     * The connection pool's meters ({@code hikaricp_connections_active}, {@code _idle}, {@code _pending},
     * {@code _timeout_total}, {@code hikaricp_connections_acquire_seconds}, ...; tag {@code pool}).
     */
    static void bindPool(Database database, MeterRegistry registry) {
        if (database.dataSource() instanceof HikariDataSource pool) {
            pool.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
        }
    }
}
