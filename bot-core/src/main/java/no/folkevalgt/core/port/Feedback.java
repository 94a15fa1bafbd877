package no.folkevalgt.core.port;

import java.time.Instant;
import java.util.Objects;

/**
 * A 👍 or 👎 on an answer.
 *
 * @param platform  where it was given
 * @param user      who gave it (not shown to facilitators)
 * @param question  the question that was answered
 * @param passageId the slide the answer came from ({@code source#slide})
 * @param helpful   👍 true, 👎 false
 * @param at        when
 */
public record Feedback(String platform, String user, String question, String passageId, boolean helpful, Instant at) {

    public Feedback {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(passageId, "passageId");
        Objects.requireNonNull(at, "at");
    }
}
