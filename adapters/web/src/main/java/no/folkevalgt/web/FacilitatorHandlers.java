package no.folkevalgt.web;

import no.folkevalgt.core.http.HttpHandler;
import no.folkevalgt.core.http.HttpRequest;
import no.folkevalgt.core.http.HttpResponse;
import no.folkevalgt.core.http.HttpRoute;
import no.folkevalgt.core.port.DeliveryLog;
import no.folkevalgt.core.port.DeliveryStatus;
import no.folkevalgt.core.port.Feedback;
import no.folkevalgt.core.port.FeedbackStore;
import no.folkevalgt.core.port.KnowledgeBase;
import no.folkevalgt.core.port.ReflectionAnswer;
import no.folkevalgt.core.port.ReflectionStore;
import no.folkevalgt.core.port.Reply;
import no.folkevalgt.core.port.UnansweredStore;
import no.folkevalgt.core.port.WordCount;
import no.folkevalgt.core.programme.PlannedPost;
import no.folkevalgt.core.programme.PostPlanner;
import no.folkevalgt.core.programme.Programme;
import no.folkevalgt.core.programme.ProgrammeState;
import no.folkevalgt.core.programme.Prompt;
import no.folkevalgt.core.programme.Session;
import no.folkevalgt.core.reflection.ReflectionExport;
import no.folkevalgt.core.reflection.ReflectionSummaries;
import no.folkevalgt.core.teaching.GapList;
import no.folkevalgt.core.teaching.Lessons;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The facilitator page and its data: {@code GET /fasilitator} (the page), {@code /fasilitator/data}
 * (JSON: the programme's state as the chat gives it, timeline, delivery status, prompts with counts
 * and the word cloud's words, {@code gaps}: the grouped gap list with what was taught for each, and the
 * older flat lists {@code unanswered} and {@code unhelpful}), {@code /fasilitator/ordsky/N.png}
 * (prompt N's word cloud), {@code /fasilitator/eksport.csv}, and the routes that teach the bot
 * ({@link Teaching}). Every one is behind the {@link FacilitatorGuard}; every write also passes
 * {@link SameOrigin} and a size limit. Anonymous prompts never show who answered; feedback never shows who gave it.
 */
final class FacilitatorHandlers {

    static final int RECENT_ANSWERS = 12;
    static final int RECENT_GAPS = 50;

    private static final Logger log = LoggerFactory.getLogger(FacilitatorHandlers.class);
    /* Times as users read them everywhere: "09.00", "kl. 09.00". */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH.mm", Locale.ROOT);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("'kl.' HH.mm", Locale.ROOT);
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("d.M. 'kl.' HH.mm", Locale.ROOT);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d.M.yyyy", Locale.ROOT);

    private final FacilitatorGuard guard;
    private final Supplier<Programme> programme;
    private final DeliveryLog deliveryLog;
    private final ReflectionStore reflections;
    private final ReflectionSummaries summaries;
    private final ReflectionExport export;
    private final UnansweredStore unanswered;
    private final FeedbackStore feedback;
    private final Clock clock;
    private final GapList gaps;
    private final Teaching teaching;
    private final Map<Integer, Cloud> clouds = new ConcurrentHashMap<>();

    FacilitatorHandlers(FacilitatorGuard guard, Supplier<Programme> programme, DeliveryLog deliveryLog,
                        ReflectionStore reflections, ReflectionSummaries summaries, ReflectionExport export,
                        UnansweredStore unanswered, FeedbackStore feedback, Lessons lessons, GapList gaps,
                        KnowledgeBase knowledgeBase, Clock clock) {
        this.guard = guard;
        this.programme = programme;
        this.deliveryLog = deliveryLog;
        this.reflections = reflections;
        this.summaries = summaries;
        this.export = export;
        this.unanswered = unanswered;
        this.feedback = feedback;
        this.clock = clock;
        this.gaps = gaps;
        this.teaching = new Teaching(lessons, knowledgeBase);
    }

    List<HttpRoute> routes() {
        return List.of(
                new HttpRoute("GET", "/fasilitator", guarded(this::page)),
                new HttpRoute("GET", "/fasilitator/data", guarded(request -> Json.response(200, data()))),
                new HttpRoute("GET", "/fasilitator/ordsky/*", guarded(this::cloud)),
                new HttpRoute("GET", "/fasilitator/eksport.csv", guarded(this::csv)),
                new HttpRoute("GET", "/fasilitator/sok", guarded(teaching::search)),
                new HttpRoute("GET", "/fasilitator/laert.txt", guarded(teaching::export)),
                new HttpRoute("POST", "/fasilitator/laer", guardedPost(Teaching.SMALL, teaching::link)),
                new HttpRoute("POST", "/fasilitator/ikke-i-materialet", guardedPost(Teaching.SMALL, teaching::notInMaterial)),
                new HttpRoute("POST", "/fasilitator/angre", guardedPost(Teaching.SMALL, teaching::undo)),
                new HttpRoute("POST", "/fasilitator/laert", guardedPost(Teaching.IMPORT, teaching::importBank)));
    }

    /* A facilitator's write: the guard first, then the checks against another site's request, then the size. */
    private HttpHandler guardedPost(int maxBytes, HttpHandler handler) {
        return guarded(request -> {
            Optional<HttpResponse> refused = SameOrigin.refusal(request);
            if (refused.isPresent()) {
                return refused.get();
            }
            if (request.body().length > maxBytes) {
                return Json.response(413, Map.of("melding", maxBytes == Teaching.IMPORT
                        ? "Filen er for stor: den kan være høyst " + maxBytes / 1024 + " kB."
                        : "Forespørselen er for stor: den kan være høyst " + maxBytes / 1024 + " kB."));
            }
            return handler.handle(request);
        });
    }

    private HttpHandler guarded(HttpHandler handler) {
        return request -> {
            FacilitatorGuard.Decision decision = guard.decide(request);
            switch (decision) {
                case LOCAL_ONLY:
                    return Pages.localOnly();
                case NEEDS_TOKEN:
                    return Pages.needsToken();
                case TOKEN_IN_QUERY:
                    /* Keep the token out of the address bar and history: set the cookie, then go to the page. */
                    return HttpResponse.empty(303).withHeader("Location", request.path())
                            .withHeader("Set-Cookie", guard.cookie()).withHeader("Cache-Control", "no-store");
                default:
                    return handler.handle(request);
            }
        };
    }

    private HttpResponse page(HttpRequest request) {
        return StaticAssets.file("fasilitator.html").withHeader("Cache-Control", "no-store");
    }

    /** Everything the page shows, counted now. */
    Map<String, Object> data() {
        Programme p = programme.get();
        ZoneId zone = p.zone();
        Instant now = clock.instant();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("title", p.title());
        out.put("place", p.place());
        out.put("now", DAY_TIME.format(now.atZone(zone)));
        Optional<Session> current = p.sessionAt(now);
        Optional<Session> next = p.nextSession(now);
        if (!p.sessions().isEmpty()) {
            /* The same state, in the same words, as the chat's "hva skjer nå?". */
            ProgrammeState state = p.stateAt(now);
            Map<String, Object> st = new LinkedHashMap<>();
            st.put("phase", state.phase().code());
            st.put("text", state.summary());
            out.put("state", st);
        } else {
            out.put("state", Map.of("phase", "not-started", "text", "Programmet har ingen økter."));
        }
        out.put("current", current.map(s -> session(s, "na")).orElse(null));
        out.put("next", next.map(s -> session(s, "neste")).orElse(null));
        List<Map<String, Object>> days = new ArrayList<>();
        for (int day = 1; day <= p.days(); day++) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("day", day);
            d.put("date", p.date(day).map(DATE::format).orElse(""));
            List<Map<String, Object>> slots = new ArrayList<>();
            for (Session s : p.sessions(day)) {
                String state = current.filter(s::equals).isPresent() ? "na"
                        : next.filter(s::equals).isPresent() ? "neste"
                        : s.end().toInstant().isAfter(now) ? "senere" : "ferdig";
                slots.add(session(s, state));
            }
            d.put("sessions", slots);
            days.add(d);
        }
        out.put("days", days);
        out.put("posts", posts(p, now));
        out.put("prompts", prompts(p, now));
        out.put("unanswered", unanswered());
        out.put("unhelpful", unhelpful());
        out.put("gaps", gaps(zone));
        return out;
    }

    private static Map<String, Object> session(Session s, String state) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", s.title());
        m.put("kind", s.kind().name().toLowerCase(Locale.ROOT));
        m.put("day", s.day());
        m.put("start", TIME.format(s.start()));
        m.put("end", TIME.format(s.end()));
        m.put("state", state);
        return m;
    }

    private List<Map<String, Object>> posts(Programme p, Instant now) {
        Map<String, DeliveryStatus> latest;
        try {
            latest = deliveryLog.latest();
        } catch (RuntimeException e) {
            log.warn("Could not read the delivery log: {}", e.toString());
            latest = null;
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (PlannedPost post : PostPlanner.plan(p)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", post.id());
            m.put("at", DAY_TIME.format(post.at().atZone(p.zone())));
            m.put("kind", switch (post.kind()) {
                case REMINDER -> "Påminnelse";
                case PROMPT -> "Refleksjonsoppgave " + post.prompt();
                case SUMMARY -> "Oppsummering " + post.prompt();
            });
            m.put("channel", post.channel().toString());
            m.put("text", post.text().lines().findFirst().orElse(""));
            String status = latest == null ? "unknown" : status(latest.get(post.id()), post.at(), now);
            m.put("status", status);
            m.put("statusText", statusText(status));
            out.add(m);
        }
        return out;
    }

    static String status(DeliveryStatus status, Instant due, Instant now) {
        if (status == null) {
            return due.isAfter(now) ? "pending" : "due";
        }
        return switch (status) {
            case SENT -> "sent";
            case LATE -> "late";
            case RETRYING -> "retrying";
            case FAILED -> "failed";
            case SKIPPED -> "skipped";
        };
    }

    static String statusText(String status) {
        return switch (status) {
            case "sent" -> "Sendt";
            case "late" -> "Sendt for sent";
            case "retrying" -> "Prøver igjen";
            case "failed" -> "Feilet";
            case "skipped" -> "Hoppet over";
            case "pending" -> "Planlagt";
            case "due" -> "Venter på sending";
            default -> "Ukjent (loggen kunne ikke leses)";
        };
    }

    private List<Map<String, Object>> prompts(Programme p, Instant now) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Prompt prompt : p.prompts()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("number", prompt.number());
            m.put("title", prompt.title());
            m.put("anonymous", prompt.anonymous());
            m.put("opens", DAY_TIME.format(prompt.opens()));
            m.put("closes", DAY_TIME.format(prompt.closes()));
            boolean opened = !prompt.opens().toInstant().isAfter(now);
            boolean closed = !prompt.closes().toInstant().isAfter(now);
            m.put("open", opened && !closed);
            m.put("state", !opened ? "upcoming" : closed ? "closed" : "open");
            List<ReflectionAnswer> answers = reflections.forPrompt(prompt.number());
            m.put("count", answers.size());
            List<Map<String, Object>> recent = new ArrayList<>();
            for (int i = answers.size() - 1; i >= 0 && recent.size() < RECENT_ANSWERS; i--) {
                ReflectionAnswer a = answers.get(i);
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("text", a.text());
                r.put("at", CLOCK.format(a.at().atZone(p.zone())));
                if (!prompt.anonymous()) {
                    r.put("user", WebUsers.shown(a.platform(), a.user()));
                }
                recent.add(r);
            }
            m.put("answers", recent);
            /* The cloud's words, counted as the posted summary counts them: each word with the number of
               answers that use it (never more than "count"); answers with no word that counts are told apart. */
            ReflectionSummaries.Summary summary = summaries.summary(prompt.number(), answers);
            List<Map<String, Object>> words = new ArrayList<>();
            for (WordCount w : summary.words()) {
                Map<String, Object> word = new LinkedHashMap<>();
                word.put("word", w.word());
                word.put("count", w.count());
                words.add(word);
            }
            m.put("words", words);
            m.put("answersWithWords", summary.answersWithWords());
            /* The cloud's text alternative, the same the chat, Slack and Teams give it. */
            m.put("alt", ReflectionSummaries.altText(prompt.title(), summary));
            out.add(m);
        }
        return out;
    }

    /* The gap list the page shows: alike questions grouped, newest first, with what was taught for each. */
    private List<Map<String, Object>> gaps(ZoneId zone) {
        List<GapList.Gap> list;
        try {
            list = gaps.gaps(RECENT_GAPS);
        } catch (RuntimeException e) {
            log.warn("Could not read the gap list: {}", e.toString());
            return List.of();
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (GapList.Gap gap : list) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("question", gap.question());
            m.put("wordings", gap.wordings());
            List<Map<String, Object>> kinds = new ArrayList<>();
            for (GapList.Kind kind : gap.kinds()) {
                Map<String, Object> k = new LinkedHashMap<>();
                k.put("code", kindCode(kind));
                k.put("text", kind.text());
                kinds.add(k);
            }
            m.put("kinds", kinds);
            m.put("count", gap.count());
            m.put("first", DAY_TIME.format(gap.first().atZone(zone)));
            m.put("last", DAY_TIME.format(gap.last().atZone(zone)));
            m.put("platforms", gap.platforms());
            m.put("suggested", Json.citations(gap.suggested()));
            m.put("unhelpful", gap.unhelpful().stream().map(FacilitatorHandlers::readable).toList());
            m.put("taught", gap.taught().map(teaching::lesson).orElse(null));
            out.add(m);
        }
        return out;
    }

    /** The code the page styles a gap's kind by. */
    static String kindCode(GapList.Kind kind) {
        return switch (kind) {
            case NOT_FOUND -> "not-found";
            case UNSURE -> "unsure";
            case UNHELPFUL -> "unhelpful";
        };
    }

    private List<Map<String, Object>> unanswered() {
        List<Map<String, Object>> out = new ArrayList<>();
        ZoneId zone = programme.get().zone();
        for (UnansweredStore.Unanswered u : unanswered.recent(RECENT_GAPS)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("question", u.question());
            m.put("platform", u.platform());
            m.put("at", DAY_TIME.format(u.at().atZone(zone)));
            m.put("reason", u.reason() == UnansweredStore.Reason.UNSURE ? "unsure" : "not-found");
            m.put("reasonText", reasonText(u.reason()));
            m.put("suggested", Json.citations(u.suggested()));
            out.add(m);
        }
        return out;
    }

    /** What the facilitator page calls the reason a question is on the gap list. */
    static String reasonText(UnansweredStore.Reason reason) {
        return switch (reason) {
            case UNSURE -> "usikker";
            case NOT_FOUND -> "ikke funnet";
        };
    }

    private List<Map<String, Object>> unhelpful() {
        List<Map<String, Object>> out = new ArrayList<>();
        ZoneId zone = programme.get().zone();
        for (Feedback f : feedback.all()) {
            if (f.helpful() || out.size() >= RECENT_GAPS) {
                continue;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("question", f.question());
            m.put("passage", f.passageId());
            m.put("source", readable(f.passageId()));
            m.put("at", DAY_TIME.format(f.at().atZone(zone)));
            out.add(m);
        }
        return out;
    }

    /** {@code deck.txt#17} as users read it: {@code lysbilde 17 i deck.txt}. */
    static String readable(String passageId) {
        int hash = passageId.lastIndexOf('#');
        if (hash > 0 && hash < passageId.length() - 1 && passageId.substring(hash + 1).chars().allMatch(Character::isDigit)) {
            return "lysbilde " + passageId.substring(hash + 1) + " i " + passageId.substring(0, hash);
        }
        return passageId;
    }

    private HttpResponse cloud(HttpRequest request) {
        String name = request.path().substring("/fasilitator/ordsky/".length());
        if (!name.matches("[1-9][0-9]{0,2}\\.png")) {
            return Pages.error(404, "Fant ikke ordskyen", "Ordskyen finnes ikke.");
        }
        int number = Integer.parseInt(name.substring(0, name.length() - 4));
        if (programme.get().prompt(number).isEmpty()) {
            return Pages.error(404, "Fant ikke ordskyen", "Det finnes ingen refleksjonsoppgave " + number + ".");
        }
        /* Drawn again only when the counted words change (not merely the number of answers: one deleted and
           one added keep the number but change the words). */
        ReflectionSummaries.Summary summary = summaries.summary(number);
        Cloud cached = clouds.get(number);
        if (cached == null || !cached.summary().equals(summary)) {
            Reply reply = summaries.forFacilitator(number);
            if (reply.image() == null) {
                return Pages.error(500, "Ordskyen kunne ikke tegnes", reply.plainText());
            }
            cached = new Cloud(summary, reply.image().bytes(), reply.image().altText());
            clouds.put(number, cached);
        }
        return HttpResponse.of(200, "image/png", cached.png()).withHeader("Cache-Control", "no-store");
    }

    private HttpResponse csv(HttpRequest request) throws Exception {
        OptionalInt prompt = OptionalInt.empty();
        Optional<String> only = request.queryParam("oppgave");
        if (only.isPresent()) {
            try {
                prompt = OptionalInt.of(Integer.parseInt(only.get()));
            } catch (NumberFormatException e) {
                return Pages.error(400, "Ugyldig oppgave", "oppgave må være et tall.");
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            export.write(out, prompt);
        } catch (IllegalArgumentException e) {
            return Pages.error(404, "Fant ikke oppgaven", e.getMessage());
        }
        String file = prompt.isPresent() ? "refleksjoner-oppgave-" + prompt.getAsInt() + ".csv" : "refleksjoner.csv";
        return HttpResponse.of(200, "text/csv; charset=utf-8", out.toByteArray())
                .withHeader("Content-Disposition", "attachment; filename=\"" + file + "\"")
                .withHeader("Cache-Control", "no-store");
    }

    private record Cloud(ReflectionSummaries.Summary summary, byte[] png, String alt) {
    }
}
