package no.folkevalgt.core.teaching;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import no.folkevalgt.core.port.Lesson;
import no.folkevalgt.core.port.LessonStore;

/** Lessons in this process only: for a single-process bot without a database, and for tests. */
public final class InMemoryLessonStore implements LessonStore {

    private final Map<String, Lesson> lessons = new LinkedHashMap<>();

    @Override
    public synchronized List<Lesson> all() {
        return List.copyOf(new ArrayList<>(lessons.values()));
    }

    @Override
    public synchronized void save(Lesson lesson) {
        Objects.requireNonNull(lesson, "lesson");
        lessons.remove(lesson.key());
        lessons.put(lesson.key(), lesson);
    }

    @Override
    public synchronized Lesson remove(String question) {
        return lessons.remove(Lesson.keyOf(question));
    }
}
