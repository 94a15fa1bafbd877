package no.folkevalgt.core.programme;

import java.time.Instant;
import java.util.Objects;

import no.folkevalgt.core.port.ChannelRef;

/**
 * A post the bot will make: one per item and channel, with a stable id so that it goes out once.
 *
 * @param id     stable across restarts and instances, e.g. {@code reminder-d1-s3@local:programmet}
 * @param at     when it is due
 * @param channel where it goes
 * @param kind   reminder, prompt or summary
 * @param text   the text; for a summary, a heading (the answers are counted when it is posted)
 * @param prompt the prompt number for prompts and summaries, 0 for reminders
 */
public record PlannedPost(String id, Instant at, ChannelRef channel, PostKind kind, String text, int prompt) {

    public PlannedPost {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
        if (id.isBlank()) {
            throw new IllegalArgumentException("a planned post needs an id");
        }
        if ((kind == PostKind.REMINDER) != (prompt == 0)) {
            throw new IllegalArgumentException(kind + " post " + id + " has prompt " + prompt
                    + "; reminders have 0, prompts and summaries their number");
        }
    }
}
