package no.folkevalgt.core.programme;

import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * A reflection prompt: a question put to the room, answered with {@code /refleksjon <svar>}.
 *
 * @param number    1, 2, ... in the order of the file; users name prompts by it
 * @param title     short name, e.g. "Hvorfor engasjerte du deg i lokalpolitikken?"
 * @param text      the full prompt as posted
 * @param opens     when answers are taken from
 * @param closes    when the summary is posted; answers still count after it
 * @param anonymous true: nobody, facilitators included, sees who answered
 * @param maxWords  at most this many words per answer ("skriv inntil fem ord"), or 0 for free text
 */
public record Prompt(int number, String title, String text, ZonedDateTime opens, ZonedDateTime closes,
                     boolean anonymous, int maxWords) {

    public Prompt {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(opens, "opens");
        Objects.requireNonNull(closes, "closes");
        if (number < 1) {
            throw new IllegalArgumentException("prompt number must be 1 or more but was " + number);
        }
        if (!closes.isAfter(opens)) {
            throw new IllegalArgumentException("refleksjonsoppgave " + number + " lukker (" + closes
                    + ") før den åpner (" + opens + ")");
        }
        if (maxWords < 0) {
            throw new IllegalArgumentException("maxWords must be 0 (free text) or more but was " + maxWords);
        }
    }
}
