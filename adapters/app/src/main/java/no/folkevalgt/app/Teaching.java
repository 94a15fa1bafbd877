package no.folkevalgt.app;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import no.folkevalgt.core.port.Citation;
import no.folkevalgt.core.port.KnowledgeBase;
import no.folkevalgt.core.port.Lesson;
import no.folkevalgt.core.port.Passage;
import no.folkevalgt.core.teaching.GapList;
import no.folkevalgt.core.teaching.LessonRefused;
import no.folkevalgt.core.teaching.Lessons;
import no.folkevalgt.storage.Database;
import no.folkevalgt.storage.JdbcFeedbackStore;
import no.folkevalgt.storage.JdbcLessonStore;
import no.folkevalgt.storage.JdbcUnansweredStore;

/**
 * What {@code teach}, {@code unteach} and {@code gaps} share: the configured database and knowledge
 * base, the lessons and the gap list on them, and how a taught slide or a lesson is named in the
 * terminal ({@code lysbilde 49 «Tittel»}).
 */
final class Teaching implements AutoCloseable {

    /** How a time is shown: {@code 5.11. kl. 09.30}, in the programme's time zone. */
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d.M. 'kl.' HH.mm", Locale.forLanguageTag("nb-NO"));

    final Database database;
    final KnowledgeBase knowledgeBase;
    final Lessons lessons;
    final ZoneId zone;
    private final Map<String, Passage> passages = new LinkedHashMap<>();
    private final boolean severalFiles;

    private Teaching(Database database, KnowledgeBase knowledgeBase, App app) {
        this.database = database;
        this.knowledgeBase = knowledgeBase;
        this.lessons = new Lessons(new JdbcLessonStore(database), knowledgeBase, app.clock());
        this.zone = app.programme(false).zone();
        knowledgeBase.passages().forEach(p -> passages.put(p.id(), p));
        this.severalFiles = passages.values().stream().map(Passage::source).distinct().count() > 1;
    }

    /** Opens the knowledge base and the database (as {@code export} does: it works while {@code ./bot serve} runs). */
    static Teaching open(App app) {
        KnowledgeBase kb = app.openKnowledgeBase();
        Database database = null;
        try {
            database = app.openDatabase();
            return new Teaching(database, kb, app);
        } catch (RuntimeException e) {
            try {
                kb.close();
            } finally {
                if (database != null) {
                    database.close();
                }
            }
            throw e;
        }
    }

    GapList gaps() {
        return new GapList(new JdbcUnansweredStore(database), new JdbcFeedbackStore(database), lessons, knowledgeBase);
    }

    /** Runs a change to the lessons; a refusal becomes the user's error, its Norwegian message as it is. */
    static <T> T refusing(Supplier<T> change) {
        try {
            return change.get();
        } catch (LessonRefused e) {
            throw new UserError(e.getMessage(), e);
        }
    }

    /** A slide by passage id: {@code lysbilde 49 «Tittel»}, with its file when the material has several. */
    String slide(String passageId) {
        Passage p = passages.get(passageId);
        if (p == null) {
            int hash = passageId.lastIndexOf('#');
            return "lysbilde " + passageId.substring(hash + 1) + " i " + passageId.substring(0, hash)
                    + " (finnes ikke lenger i materialet)";
        }
        return slide(Citation.of(p));
    }

    /** A cited slide: {@code lysbilde 49 «Tittel»}, with its file when the material has several. */
    String slide(Citation c) {
        return "lysbilde " + c.slide() + " " + c.name() + (severalFiles ? " (" + c.source() + ")" : "");
    }

    /** What a lesson answers: {@code lysbilde 49 «Tittel»}, or {@code ikke i materialet: «tekst»}. */
    String taught(Lesson lesson) {
        if (lesson.isLink()) {
            return slide(lesson.passageId());
        }
        return lesson.reply().isEmpty() ? "ikke i materialet (uten egen tekst)" : "ikke i materialet: «" + lesson.reply() + "»";
    }

    String when(Instant at) {
        return WHEN.format(at.atZone(zone));
    }

    /** The slides of a list, joined: {@code lysbilde 12 «A», lysbilde 13 «B»}. */
    String slides(List<Citation> citations) {
        return String.join(", ", citations.stream().map(this::slide).toList());
    }

    @Override
    public void close() {
        try {
            knowledgeBase.close();
        } finally {
            database.close();
        }
    }
}
