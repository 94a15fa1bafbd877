package no.folkevalgt.core.http;

/** Answers one HTTP request. Runs on the server's request threads: keep it fast (Slack allows 3 s). */
@FunctionalInterface
public interface HttpHandler {

    HttpResponse handle(HttpRequest request) throws Exception;
}
