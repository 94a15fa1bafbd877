package no.folkevalgt.web;

import com.fasterxml.jackson.databind.JsonNode;
import no.folkevalgt.core.Bot;
import no.folkevalgt.core.RateLimiter;
import no.folkevalgt.core.http.HttpRequest;
import no.folkevalgt.core.http.HttpResponse;
import no.folkevalgt.core.http.HttpRoute;
import no.folkevalgt.core.port.ActionIds;
import no.folkevalgt.core.port.Feedback;
import no.folkevalgt.core.port.FeedbackStore;
import no.folkevalgt.core.port.Incoming;
import no.folkevalgt.core.port.Platforms;
import no.folkevalgt.core.port.Reply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The chat page and its JSON: {@code POST /api/melding} asks the bot, {@code POST /api/tilbakemelding}
 * stores a 👍/👎, {@code GET /api/kanal?etter=N} lists the local channel's posts after number N.
 *
 * <p>Who is asking: the session the server issued when the page was loaded ({@code GET /} sets the
 * {@value #SESSION_COOKIE} cookie, signed, see {@link WebSessions}). A message or feedback without a
 * cookie this server issued is refused with 401 and {@link #UNKNOWN_SESSION}, and changes nothing. The
 * name the user typed is only shown (to facilitators, for prompts that are not anonymous): the user
 * is "Kari (web-0123456789abcdef)", and a new name is not a new budget, since the session's rate
 * limit is spent before the bot's own. Refused messages spend from their client address's budget
 * ({@link AddressLimit}); over it they get 429 and the bot's own limit message instead.
 */
final class ChatHandlers {

    static final String PLATFORM = Platforms.WEB;
    static final String SESSION_COOKIE = "fv_okt";
    static final int MAX_NAME = 60;

    /** What a message or feedback without a valid session gets (401). */
    static final String UNKNOWN_SESSION = "Økten din er ukjent eller utløpt. Last siden på nytt.";

    /** What a page load gets when its address has started too many sessions lately (429). */
    static final String TOO_MANY_SESSIONS = "For mange nye økter fra samme adresse på kort tid. Vent litt og last siden på nytt.";
    private static final String TOO_MANY_SESSIONS_PAGE = "<!doctype html><html lang=\"nb\"><head><meta charset=\"utf-8\">"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Folkevalgt-bot</title></head>"
            + "<body><main><h1>Folkevalgt-bot</h1><p>" + TOO_MANY_SESSIONS + "</p></main></body></html>";

    private static final Logger log = LoggerFactory.getLogger(ChatHandlers.class);
    /** A session id, as the user of an anonymous member is stored. */
    static final Pattern SESSION_ID = Pattern.compile("web-[0-9a-f]{16}");
    /** A named member as stored: the name, then the session id in brackets. */
    static final Pattern NAMED = Pattern.compile("(.+) \\((web-[0-9a-f]{16})\\)");

    private final Bot bot;
    private final FeedbackStore feedback;
    private final LocalChannel channel;
    private final Clock clock;
    private final java.util.function.Supplier<no.folkevalgt.core.programme.Programme> programme;
    private final AddressLimit addressLimit;
    private final AddressLimit newSessions;
    private final WebSessions sessions;
    private final RateLimiter sessionLimiter;

    ChatHandlers(Bot bot, FeedbackStore feedback, LocalChannel channel, Clock clock,
                 java.util.function.Supplier<no.folkevalgt.core.programme.Programme> programme,
                 AddressLimit addressLimit, AddressLimit newSessions, WebSessions sessions, RateLimiter sessionLimiter) {
        this.programme = programme;
        this.addressLimit = addressLimit;
        this.newSessions = newSessions;
        this.sessions = sessions;
        this.sessionLimiter = sessionLimiter;
        this.bot = bot;
        this.feedback = feedback;
        this.channel = channel;
        this.clock = clock;
    }

    List<HttpRoute> routes() {
        return List.of(
                new HttpRoute("GET", "/", this::page),
                new HttpRoute("POST", "/api/melding", this::message),
                new HttpRoute("POST", "/api/tilbakemelding", this::feedback),
                new HttpRoute("GET", "/api/kanal", this::channel));
    }

    private HttpResponse page(HttpRequest request) {
        HttpResponse page = StaticAssets.file("chat.html");
        if (session(request).isEmpty()) {
            /* Else a script loading the page before every message would get a fresh budget each time. */
            if (!newSessions.tryAcquireNewSession(request)) {
                log.info("A page load was over its address's budget for new web chat sessions");
                return HttpResponse.html(429, TOO_MANY_SESSIONS_PAGE).withHeader("Retry-After", "10")
                        .withHeader("Cache-Control", "no-store");
            }
            page = page.withHeader("Set-Cookie", SESSION_COOKIE + "=" + sessions.issue()
                    + "; Path=/; HttpOnly; SameSite=Lax; Max-Age=31536000");
        }
        return page.withHeader("Cache-Control", "no-cache");
    }

    private HttpResponse message(HttpRequest request) {
        Optional<JsonNode> body = jsonBody(request);
        if (body.isEmpty()) {
            return badRequest("Send meldingen som JSON: {\"tekst\": \"...\"}.");
        }
        String text = Json.text(body.get(), "tekst");
        Optional<String> session = session(request);
        if (session.isEmpty()) {
            /* Even refusals spend from the address's budget: a script probing cookies gets 429 soon. */
            if (!addressLimit.tryAcquire(request, text)) {
                log.debug("A web message without a session cookie was over its address's rate limit");
                return overLimit(text);
            }
            log.debug("A web message without a session this server issued was refused");
            return unknownSession(text);
        }
        if (!sessionLimiter.tryAcquire(RateLimiter.kindOf(text), PLATFORM, session.get())) {
            log.debug("A web message was over its session's rate limit");
            return overLimit(text);
        }
        String user = user(session.get(), Json.text(body.get(), "navn"));
        Incoming incoming = new Incoming(PLATFORM, "local", user, "web", null, text);
        String requestId = Json.text(body.get(), "id");
        Bot.Outcome outcome = bot.respond(incoming, requestId.isBlank() || requestId.length() > 100 ? null : requestId);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("question", text);
        out.put("reply", Json.reply(outcome.reply()));
        out.put("answered", outcome.answered());
        out.put("unsure", outcome.unsure());
        return Json.response(200, out);
    }

    /*
     * The same reply as the bot gives a user over their limit, with 429 and Retry-After; the page shows
     * the reply (and "melding" for other clients). Nothing of the message was searched or stored.
     */
    private static HttpResponse overLimit(String text) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("question", text);
        out.put("reply", Json.reply(Reply.privateText(RateLimiter.MESSAGE)));
        out.put("answered", false);
        out.put("unsure", false);
        out.put("melding", RateLimiter.MESSAGE);
        /* At the default limits a question's token comes back in 3 s, a reflection command's in 6 s. */
        return Json.response(429, out).withHeader("Retry-After", "6");
    }

    /* Refused before anything is read or stored: the page shows the reply (and "melding" for other clients). */
    private static HttpResponse unknownSession(String text) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("question", text);
        out.put("reply", Json.reply(Reply.privateText(UNKNOWN_SESSION)));
        out.put("answered", false);
        out.put("unsure", false);
        out.put("melding", UNKNOWN_SESSION);
        return Json.response(401, out);
    }

    private HttpResponse feedback(HttpRequest request) {
        Optional<JsonNode> body = jsonBody(request);
        if (body.isEmpty()) {
            return badRequest("Send tilbakemeldingen som JSON.");
        }
        String action = Json.text(body.get(), "handling");
        String passage = Json.text(body.get(), "verdi");
        String question = Json.text(body.get(), "sporsmal");
        if (!ActionIds.isFeedback(action) || passage.isBlank()
                || passage.length() > 500 || question.length() > 2000) {
            return badRequest("Ukjent tilbakemelding.");
        }
        Optional<String> session = session(request);
        if (session.isEmpty()) {
            return Json.response(401, Map.of("melding", UNKNOWN_SESSION));
        }
        String user = user(session.get(), Json.text(body.get(), "navn"));
        try {
            feedback.record(new Feedback(PLATFORM, user, question, passage, ActionIds.isHelpful(action), clock.instant()));
        } catch (RuntimeException e) {
            log.warn("Could not store feedback: {}", e.toString());
            return Json.response(503, Map.of("melding", "Tilbakemeldingen ble ikke lagret. Prøv igjen om litt."));
        }
        return Json.response(200, Map.of("melding", "Takk for tilbakemeldingen!"));
    }

    private HttpResponse channel(HttpRequest request) {
        long after;
        try {
            after = Long.parseLong(request.queryParam("etter").orElse("0"));
        } catch (NumberFormatException e) {
            return badRequest("etter må være et tall.");
        }
        List<Map<String, Object>> posts = new ArrayList<>();
        java.time.ZoneId zone = programme.get().zone();
        for (LocalChannel.Post post : channel.after(after)) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("seq", post.seq());
            p.put("channel", post.channel().id());
            p.put("at", post.at().toString());
            p.put("time", java.time.format.DateTimeFormatter.ofPattern("'kl.' HH.mm", java.util.Locale.ROOT).format(post.at().atZone(zone)));
            p.put("reply", Json.reply(post.reply()));
            posts.add(p);
        }
        return Json.response(200, Map.of("posts", posts));
    }

    /*
     * Only JSON bodies are taken: a form on another site cannot send application/json without the
     * browser asking first (CORS preflight), which this server never allows.
     */
    private static Optional<JsonNode> jsonBody(HttpRequest request) {
        boolean json = request.header("Content-Type").map(t -> t.toLowerCase().startsWith("application/json"))
                .orElse(false);
        return json ? Json.object(request.bodyText()) : Optional.empty();
    }

    private static HttpResponse badRequest(String message) {
        return Json.response(400, Map.of("melding", message));
    }

    /**
     * Who is writing: the session's id, or, when the user typed a name, the name with the session's id
     * ("Kari (web-0123456789abcdef)"). The id is the server's, so nobody can read or delete another's
     * answers ({@code /refleksjon mine}, {@code /refleksjon slett}) by typing their name or making up a
     * cookie; the name only tells facilitators who answered ({@link WebUsers#shown}).
     */
    static String user(String session, String name) {
        String cleaned = name == null ? "" : name.replaceAll("[\\p{Cntrl}()]", "").strip();
        if (cleaned.isEmpty()) {
            return session;
        }
        if (cleaned.length() > MAX_NAME) {
            cleaned = cleaned.substring(0, MAX_NAME).strip();
        }
        return cleaned + " (" + session + ")";
    }

    /** The session this server issued, from the request's cookie; empty when there is none or it is not ours. */
    private Optional<String> session(HttpRequest request) {
        return Cookies.get(request, SESSION_COOKIE).flatMap(sessions::verify);
    }
}
