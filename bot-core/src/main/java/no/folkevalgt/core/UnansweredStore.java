package no.folkevalgt.core;

import java.time.Instant;
import java.util.List;

/** Questions the bot declined: the gaps in the material, for facilitators. Never who asked. */
public interface UnansweredStore {

    /** Records a declined question. */
    void record(String platform, String question, Instant at);

    /** The most recent declined questions, newest first, at most {@code limit}. */
    List<Unanswered> recent(int limit);

    /**
     * @param question as asked
     * @param platform where
     * @param at       when
     */
    record Unanswered(String question, String platform, Instant at) {
    }
}
