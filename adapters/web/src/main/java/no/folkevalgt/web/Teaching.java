package no.folkevalgt.web;

import com.fasterxml.jackson.databind.JsonNode;
import no.folkevalgt.core.http.HttpRequest;
import no.folkevalgt.core.http.HttpResponse;
import no.folkevalgt.core.port.Answer;
import no.folkevalgt.core.port.Hit;
import no.folkevalgt.core.port.KnowledgeBase;
import no.folkevalgt.core.port.Lesson;
import no.folkevalgt.core.port.Passage;
import no.folkevalgt.core.teaching.LessonRefused;
import no.folkevalgt.core.teaching.Lessons;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the facilitator page teaches the bot with, behind the {@link FacilitatorGuard} (and, for the
 * writes, {@link SameOrigin}): {@code GET /fasilitator/sok?q=} searches the material for a slide to
 * link, {@code POST /fasilitator/laer} links a question to a slide, {@code POST /fasilitator/ikke-i-materialet}
 * says the material does not answer it, {@code POST /fasilitator/angre} undoes that, and
 * {@code GET /fasilitator/laert.txt} / {@code POST /fasilitator/laert} export and import all lessons
 * in the question bank's format. Every reply is JSON with a Norwegian {@code melding}; a refused
 * lesson changes nothing.
 */
final class Teaching {

    /** Most bytes of a small write (teach, undo). */
    static final int SMALL = 8 * 1024;
    /** Most bytes of an import. */
    static final int IMPORT = 256 * 1024;
    /** Most passages a search gives. */
    static final int MAX_RESULTS = 5;
    /** Longest search text. */
    static final int MAX_QUERY = 300;
    /** Longest excerpt of a passage in the search results. */
    static final int MAX_EXCERPT = 300;
    static final String NOT_SAVED = "Det ble ikke lagret. Prøv igjen om litt.";

    private static final Logger log = LoggerFactory.getLogger(Teaching.class);
    private static final Pattern SLIDE_NUMBER = Pattern.compile("(?:lysbilde|slide|#)?\\s*(\\d{1,4})", Pattern.CASE_INSENSITIVE);

    private final Lessons lessons;
    private final KnowledgeBase knowledgeBase;

    Teaching(Lessons lessons, KnowledgeBase knowledgeBase) {
        this.lessons = lessons;
        this.knowledgeBase = knowledgeBase;
    }

    /** A lesson as the page shows it. */
    Map<String, Object> lesson(Lesson lesson) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", lesson.isLink() ? "link" : "reply");
        m.put("question", lesson.question());
        if (lesson.isLink()) {
            Optional<Passage> passage = passage(lesson.passageId());
            m.put("slide", lesson.slide());
            m.put("title", passage.map(Passage::title).orElse(null));
            m.put("source", lesson.source());
            m.put("reply", null);
        } else {
            m.put("slide", null);
            m.put("title", null);
            m.put("source", null);
            m.put("reply", lesson.reply());
        }
        return m;
    }

    HttpResponse search(HttpRequest request) {
        String q = request.queryParam("q").map(String::strip).orElse("");
        if (q.isEmpty()) {
            return Json.response(400, Map.of("melding", "Skriv hva du leter etter, eller et lysbildenummer."));
        }
        if (q.length() > MAX_QUERY) {
            return Json.response(400, Map.of("melding", "Søket er for langt: skriv høyst " + MAX_QUERY + " tegn."));
        }
        List<Map<String, Object>> found = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        Matcher number = SLIDE_NUMBER.matcher(q);
        try {
            if (number.matches()) {
                int slide = Integer.parseInt(number.group(1));
                for (Passage p : knowledgeBase.passages()) {
                    if (p.slide() == slide && p.canAnswer() && seen.add(p.id()) && found.size() < MAX_RESULTS) {
                        found.add(result(p, p.text().isBlank() ? p.title() : p.text()));
                    }
                }
            } else {
                Answer answer = knowledgeBase.ask(q, MAX_RESULTS);
                for (Hit hit : answer.answered() ? answer.hits() : answer.suggestions()) {
                    Passage p = hit.passage();
                    if (p.canAnswer() && seen.add(p.id()) && found.size() < MAX_RESULTS) {
                        found.add(result(p, String.join("\n", hit.lines())));
                    }
                }
            }
        } catch (RuntimeException e) {
            log.error("The facilitator's search failed", e);
            return Json.response(503, Map.of("melding", "Søket feilet. Prøv igjen om litt."));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("query", q);
        out.put("passages", found);
        out.put("melding", found.isEmpty() ? "Fant ingen lysbilder for «" + q + "». Prøv andre ord eller et lysbildenummer."
                : found.size() == 1 ? "Fant 1 lysbilde." : "Fant " + found.size() + " lysbilder.");
        return Json.response(200, out);
    }

    private static Map<String, Object> result(Passage p, String text) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("slide", p.slide());
        m.put("title", p.title());
        m.put("section", p.section());
        m.put("source", p.source());
        String excerpt = text.strip();
        if (excerpt.length() > MAX_EXCERPT) {
            excerpt = excerpt.substring(0, MAX_EXCERPT - 1).strip() + "…";
        }
        m.put("excerpt", excerpt);
        return m;
    }

    HttpResponse link(HttpRequest request) {
        return write(request, body -> {
            Lesson lesson = lessons.link(Json.text(body, "sporsmal"), Json.text(body, "passasje"));
            String title = passage(lesson.passageId()).map(p -> " «" + p.title() + "»").orElse("");
            return taught("Lært: «" + lesson.question() + "» besvares nå med lysbilde " + lesson.slide() + title
                    + ", og det samme gjør spørsmål som ligner.", lesson);
        });
    }

    HttpResponse notInMaterial(HttpRequest request) {
        return write(request, body -> {
            Lesson lesson = lessons.notInMaterial(Json.text(body, "sporsmal"), Json.text(body, "svar"));
            return taught("Lagret: boten sier nå at «" + lesson.question() + "» ikke står i programmaterialet"
                    + (lesson.reply().isEmpty() ? "." : ", og svarer med teksten din."), lesson);
        });
    }

    HttpResponse undo(HttpRequest request) {
        return write(request, body -> {
            String question = Json.text(body, "sporsmal");
            Optional<Lesson> undone = lessons.undo(question);
            if (undone.isEmpty()) {
                return Json.response(404, Map.of("melding", "Boten hadde ikke lært noe om «" + question.strip()
                        + "», så det var ingenting å angre."));
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("melding", "Angret: boten har glemt det den lærte om «" + undone.get().question()
                    + "» og svarer som før.");
            out.put("angret", lesson(undone.get()));
            return Json.response(200, out);
        });
    }

    HttpResponse importBank(HttpRequest request) {
        return write(request, body -> {
            int count = lessons.importBank(Json.text(body, "tekst"));
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("melding", count == 1 ? "Lest inn 1 spørsmål." : "Lest inn " + count + " spørsmål.");
            out.put("antall", count);
            return Json.response(200, out);
        });
    }

    HttpResponse export(HttpRequest request) {
        String text;
        try {
            text = lessons.export();
        } catch (RuntimeException e) {
            log.error("Could not export the lessons", e);
            return Json.response(503, Map.of("melding", "Det boten har lært kunne ikke leses. Prøv igjen om litt."));
        }
        return HttpResponse.of(200, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8))
                .withHeader("Content-Disposition", "attachment; filename=\"laert.sporsmal.txt\"")
                .withHeader("Cache-Control", "no-store")
                .withHeader("X-Content-Type-Options", "nosniff");
    }

    private HttpResponse taught(String message, Lesson lesson) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("melding", message);
        out.put("laert", lesson(lesson));
        return Json.response(200, out);
    }

    /* The body as JSON, the write, and a refused lesson as 400 (429 when too many writes); nothing changed then. */
    private HttpResponse write(HttpRequest request, Function<JsonNode, HttpResponse> action) {
        Optional<JsonNode> body = Json.object(request.bodyText());
        if (body.isEmpty()) {
            return Json.response(400, Map.of("melding", "Send forespørselen som et JSON-objekt."));
        }
        try {
            return action.apply(body.get());
        } catch (LessonRefused e) {
            return Json.response(e.tooOften() ? 429 : 400, Map.of("melding", e.getMessage()));
        } catch (RuntimeException e) {
            log.error("A facilitator's lesson could not be stored", e);
            return Json.response(503, Map.of("melding", NOT_SAVED));
        }
    }

    private Optional<Passage> passage(String id) {
        if (id == null) {
            return Optional.empty();
        }
        try {
            return knowledgeBase.passages().stream().filter(p -> p.id().equals(id)).findFirst();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
