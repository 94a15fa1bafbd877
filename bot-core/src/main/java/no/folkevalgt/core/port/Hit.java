package no.folkevalgt.core.port;

import java.util.List;
import java.util.Objects;

/**
 * A passage that answers (part of) a question.
 *
 * @param passage the slide or page that matched
 * @param lines   the lines a user is shown, at least one: those of the passage that answer the question,
 *                in the slide's order, shaped for reading (a chart's figure with its label, a diagram
 *                as a list), the title first when it is the answer (see docs/search.md, "Which lines
 *                are shown")
 * @param score   the search score; only comparable between hits of the same question
 */
public record Hit(Passage passage, List<String> lines, double score) {

    /** Longest passage text a hit carries; longer slides are cut down to their answering lines. */
    public static final int MAX_TEXT = 1200;

    public Hit {
        Objects.requireNonNull(passage, "passage");
        lines = List.copyOf(lines);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("a hit needs at least one line: " + passage.id());
        }
    }

    /** The passage text, or only its answering lines when the passage is too long to show whole. */
    public String text() {
        String text = passage.text();
        return text.length() <= MAX_TEXT ? text : String.join("\n", lines);
    }
}
