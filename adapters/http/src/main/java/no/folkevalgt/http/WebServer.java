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

    private static final Logger log = LoggerFactory.getLogger(WebServer.class);

    private final Javalin javalin;

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
        Objects.requireNonNull(host, "host");
        List<HttpRoute> all = List.copyOf(routes);
        Javalin javalin = Javalin.create(config -> {
            config.jetty.host = host;
            config.jetty.port = port;
            config.startup.showJavalinBanner = false;
            config.http.maxRequestSize = 2_000_000L;
            config.jetty.modifyServer(server -> server.setStopTimeout(Duration.ofSeconds(20).toMillis()));
            for (HttpRoute route : all) {
                String path = route.path().endsWith("/*") ? route.path().substring(0, route.path().length() - 1) + "<rest>"
                        : route.path();
                config.routes.addEndpoint(new io.javalin.router.Endpoint(HandlerType.findOrCreate(route.method()), path,
                        ctx -> serve(route, ctx)));
            }
        });
        javalin.start();
        log.info("HTTP server listening on {}:{} with {} routes", host, javalin.port(), all.size());
        return new WebServer(javalin);
    }

    private static void serve(HttpRoute route, Context ctx) {
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
