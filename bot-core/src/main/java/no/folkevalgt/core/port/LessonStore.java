package no.folkevalgt.core.port;

import java.util.List;

/**
 * Where the lessons facilitators taught are kept: the database, so that every instance answers alike
 * (see {@code JdbcLessonStore}). One lesson per question ({@link Lesson#key()}).
 */
public interface LessonStore {

    /** Every lesson, oldest first. */
    List<Lesson> all();

    /** Keeps a lesson, replacing the one for the same question if there is one. Committed on return. */
    void save(Lesson lesson);

    /**
     * Removes the lesson for this question (undo).
     *
     * @return the lesson removed, or null when there was none
     */
    Lesson remove(String question);
}
