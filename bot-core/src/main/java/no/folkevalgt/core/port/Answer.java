package no.folkevalgt.core.port;

import java.util.List;
import java.util.Objects;

/**
 * What the knowledge base found for a question: sure (an answer), unsure (suggestions) or nothing.
 *
 * <pre>{@code
 * Answer a = kb.ask("Kva gjer ordføraren?", 3);
 * switch (a.outcome()) {
 *     case SURE -> show(a.hits());
 *     case UNSURE -> offer(a.suggestions());   // "Jeg er ikke helt sikker, men ..."
 *     case NONE -> sayNotFound();
 * }
 * }</pre>
 *
 * @param question      the question as asked
 * @param answered      true when the material answers it with confidence
 * @param hits          the best passages, best first; empty unless answered
 * @param suggestions   when not answered: the closest passages, best first, offered as "maybe one of
 *                      these" (at most {@link #MAX_SUGGESTIONS}); empty when nothing is close
 * @param interpretedAs the question as the search understood it after spelling and dialect fixes,
 *                      or null when nothing was changed
 */
public record Answer(String question, boolean answered, List<Hit> hits, List<Hit> suggestions, String interpretedAs) {

    /** Most suggestions an unsure answer carries. */
    public static final int MAX_SUGGESTIONS = 3;

    /** The three outcomes of a question. */
    public enum Outcome {
        /** The material answers it: show the first hit. */
        SURE,
        /** Something is close but not certain: offer the suggestions. */
        UNSURE,
        /** Nothing in the material is close: say so. */
        NONE
    }

    public Answer {
        Objects.requireNonNull(question, "question");
        hits = List.copyOf(hits);
        suggestions = List.copyOf(suggestions);
        if (answered && hits.isEmpty()) {
            throw new IllegalArgumentException("an answered question needs at least one hit");
        }
        if (!answered && !hits.isEmpty()) {
            throw new IllegalArgumentException("a declined question carries no hits; offer suggestions instead");
        }
        if (answered && !suggestions.isEmpty()) {
            throw new IllegalArgumentException("an answered question carries hits, not suggestions");
        }
        if (suggestions.size() > MAX_SUGGESTIONS) {
            throw new IllegalArgumentException("at most " + MAX_SUGGESTIONS + " suggestions, not " + suggestions.size());
        }
    }

    /** A sure or a flatly declined answer, without suggestions. */
    public Answer(String question, boolean answered, List<Hit> hits, String interpretedAs) {
        this(question, answered, hits, List.of(), interpretedAs);
    }

    /** A declined answer: nothing in the material is close to this question. */
    public static Answer declined(String question) {
        return new Answer(question, false, List.of(), List.of(), null);
    }

    /** An unsure answer: the closest passages, offered as suggestions. */
    public static Answer unsure(String question, List<Hit> suggestions, String interpretedAs) {
        if (suggestions.isEmpty()) {
            throw new IllegalArgumentException("an unsure answer needs at least one suggestion");
        }
        return new Answer(question, false, List.of(), suggestions, interpretedAs);
    }

    /** Sure, unsure or none. */
    public Outcome outcome() {
        return answered ? Outcome.SURE : suggestions.isEmpty() ? Outcome.NONE : Outcome.UNSURE;
    }

    /** The same answer for another wording of the question (the cache keys on a cleaned form). */
    public Answer forQuestion(String asked) {
        return new Answer(asked, answered, hits, suggestions, interpretedAs);
    }
}
