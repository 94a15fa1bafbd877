package no.folkevalgt.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import no.folkevalgt.core.http.HttpRequest;
import no.folkevalgt.core.http.HttpResponse;
import no.folkevalgt.core.http.HttpRoute;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The application's one HTTP server: every adapter's {@link HttpRoute}s on one port. Requests reach a
 * route as raw bytes and headers, so Slack's signature check sees exactly what Slack sent. Stopping
 * lets requests in flight finish.
 *
 * <pre>{@code
 * try (WebServer server = WebServer.start("127.0.0.1", 8080, routes)) {
 *     ...
 * }
 * }</pre>
 */
public final class WebServer implements AutoCloseable {

    /** What an address without a route gets (404): Norwegian, with a language and a title. */
    static final String NOT_FOUND_PAGE = "<!doctype html><html lang=\"nb\"><head><meta charset=\"utf-8\">"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Fant ikke siden</title></head>"
            + "<body><main><h1>Fant ikke siden</h1><p>Adressen finnes ikke her. <a href=\"/\">Gå til chatten</a>.</p></main></body></html>";


    private static final Logger log = LoggerFactory.getLogger(WebServer.class);

    /** The largest request body taken, in bytes. */
    static final long MAX_BODY = 2_000_000L;

    private final Javalin javalin;

    /**
     * How the server treats clients before a route sees them.
     *
     * @param hosts            the host names it answers to; others get 421 ({@code /healthz}, {@code /readyz} exempt)
     * @param bodyTimeout      a request body must have arrived in full this long after the headers, else 408
     * @param maxPendingBodies at most this many request bodies may be arriving at once; more get 503
     * @param observer         told of every request a route answered, with the route's pattern (never the
     *                         raw path), for metrics; {@link RequestObserver#NONE} by default
     */
    public record Options(HostNames hosts, Duration bodyTimeout, int maxPendingBodies, RequestObserver observer) {

        /** The default body timeout: generous for a phone on a bad line sending a chat message. */
        public static final Duration BODY_TIMEOUT = Duration.ofSeconds(10);
        /** The default limit on request bodies arriving at once (they hold memory, not threads). */
        public static final int MAX_PENDING_BODIES = 1000;

        public Options {
            Objects.requireNonNull(hosts, "hosts");
            Objects.requireNonNull(bodyTimeout, "bodyTimeout");
            Objects.requireNonNull(observer, "observer");
            if (bodyTimeout.isNegative() || bodyTimeout.isZero() || maxPendingBodies < 1) {
                throw new IllegalArgumentException("bodyTimeout and maxPendingBodies must be positive");
            }
        }

        /** The loopback names (any name from other machines), 10 s for a body, 1000 bodies at once. */
        public static Options defaults() {
            return new Options(HostNames.loopbackOnly(), BODY_TIMEOUT, MAX_PENDING_BODIES, RequestObserver.NONE);
        }

        public Options withHosts(HostNames hosts) {
            return new Options(hosts, bodyTimeout, maxPendingBodies, observer);
        }

        public Options withBodyTimeout(Duration bodyTimeout) {
            return new Options(hosts, bodyTimeout, maxPendingBodies, observer);
        }

        public Options withMaxPendingBodies(int maxPendingBodies) {
            return new Options(hosts, bodyTimeout, maxPendingBodies, observer);
        }

        public Options withObserver(RequestObserver observer) {
            return new Options(hosts, bodyTimeout, maxPendingBodies, observer);
        }
    }

    /**
     * Told of every request a route answered: its method, the route's pattern as registered (such as
     * {@code /static/*}, never the path asked for, so that the number of distinct values stays that of
     * the routes), the status sent and how long the handler took. Called on the request's thread
     * after the handler returned; it must not throw.
     */
    @FunctionalInterface
    public interface RequestObserver {

        /** Observes nothing. */
        RequestObserver NONE = (method, route, status, nanos) -> { };

        void served(String method, String route, int status, long nanos);
    }

    private WebServer(Javalin javalin) {
        this.javalin = javalin;
    }

    /**
     * Starts serving.
     *
     * @param host the address to listen on ("127.0.0.1" for this machine only, "0.0.0.0" for all)
     * @param port the port; 0 picks a free one (see {@link #port()})
     */
    public static WebServer start(String host, int port, List<HttpRoute> routes) {
        return start(host, port, routes, Options.defaults());
    }

    /**
     * Starts serving with these host names, body timeout and limit on bodies arriving at once.
     *
     * @see Options
     */
    public static WebServer start(String host, int port, List<HttpRoute> routes, Options options) {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(options, "options");
        List<HttpRoute> all = List.copyOf(routes);
        Javalin javalin = Javalin.create(config -> {
            config.jetty.host = host;
            config.jetty.port = port;
            config.startup.showJavalinBanner = false;
            config.http.maxRequestSize = MAX_BODY;
            config.jetty.modifyServer(server -> {
                server.setStopTimeout(Duration.ofSeconds(20).toMillis());
                /* Javalin puts its servlet context inside this wrapper: the gate sees every request first. */
                server.setHandler(new RequestGate(options.hosts(), options.bodyTimeout(), options.maxPendingBodies(), MAX_BODY));
            });
            /* An address with no route gets a short Norwegian page, not the framework's English text. Routes
               that answer 404 themselves (a missing word cloud) keep their own page: this is only for no route. */
            config.routes.exception(io.javalin.http.NotFoundResponse.class, (e, ctx) -> ctx.status(404)
                    .contentType("text/html; charset=utf-8").result(NOT_FOUND_PAGE));
            for (HttpRoute route : all) {
                String path = route.path().endsWith("/*") ? route.path().substring(0, route.path().length() - 1) + "<rest>"
                        : route.path();
                config.routes.addEndpoint(new io.javalin.router.Endpoint(HandlerType.findOrCreate(route.method()), path,
                        ctx -> serve(route, ctx, options.observer())));
            }
        });
        javalin.start();
        log.info("HTTP server listening on {}:{} with {} routes; host names {}", host, javalin.port(), all.size(),
                options.hosts());
        return new WebServer(javalin);
    }

    private static void serve(HttpRoute route, Context ctx, RequestObserver observer) {
        long start = System.nanoTime();
        HttpRequest request = new HttpRequest(ctx.method().name(), ctx.path(), headers(ctx), ctx.queryParamMap(),
                ctx.bodyAsBytes(), ctx.ip());
        HttpResponse response;
        try {
            response = route.handler().handle(request);
        } catch (Exception e) {
            log.error("{} {} failed", route.method(), route.path(), e);
            response = HttpResponse.text(500, "Noe gikk galt. Prøv igjen om litt.");
        }
        ctx.status(response.status());
        response.headers().forEach(ctx::header);
        ctx.result(response.body());
        try {
            observer.served(route.method(), route.path(), response.status(), System.nanoTime() - start);
        } catch (RuntimeException e) {
            log.warn("Recording metrics for {} {} failed: {}", route.method(), route.path(), e.toString());
        }
    }

    private static Map<String, List<String>> headers(Context ctx) {
        Map<String, List<String>> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String name : ctx.headerMap().keySet()) {
            headers.put(name, new ArrayList<>(java.util.Collections.list(ctx.req().getHeaders(name))));
        }
        return headers;
    }

    /** The port the server listens on. */
    public int port() {
        return javalin.port();
    }

    /** Stops accepting requests and waits for those in flight. */
    @Override
    public void close() {
        javalin.stop();
    }
}
