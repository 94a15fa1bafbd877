package no.folkevalgt.core.port;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Questions the bot could not answer with confidence: the gaps in the material, for facilitators.
 * Each is either declined (nothing in the material was close) or unsure (the bot offered the closest
 * slides as suggestions). Never who asked.
 *
 * <pre>{@code
 * store.record(new Unanswered("Hvordan lager man sushi?", "web", now));
 * store.record(Unanswered.unsure("Hvem bestemmer lønna?", "slack", now, List.of(new Citation("Arbeidsgiver", 40, "deck.txt"))));
 * }</pre>
 */
public interface UnansweredStore {

    /** Records a question the bot declined or was unsure of. */
    void record(Unanswered question);

    /** The most recent questions, newest first, at most {@code limit}. */
    List<Unanswered> recent(int limit);

    /** Why a question is on the list. */
    enum Reason {
        /** Nothing in the material was close: the bot said it could not find it. */
        NOT_FOUND,
        /** The bot was not sure and offered the closest slides as suggestions. */
        UNSURE
    }

    /**
     * @param question  as asked
     * @param platform  where
     * @param at        when
     * @param reason    declined or unsure
     * @param suggested the slides the bot suggested, best first; empty unless {@code reason} is UNSURE
     */
    record Unanswered(String question, String platform, Instant at, Reason reason, List<Citation> suggested) {

        public Unanswered {
            Objects.requireNonNull(question, "question");
            Objects.requireNonNull(platform, "platform");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(reason, "reason");
            suggested = List.copyOf(suggested);
            if (reason == Reason.NOT_FOUND && !suggested.isEmpty()) {
                throw new IllegalArgumentException("a declined question has no suggested slides, but got "
                        + suggested.size());
            }
        }

        /** A declined question: nothing in the material was close. */
        public Unanswered(String question, String platform, Instant at) {
            this(question, platform, at, Reason.NOT_FOUND, List.of());
        }

        /** A question the bot was unsure of, with the slides it suggested. */
        public static Unanswered unsure(String question, String platform, Instant at, List<Citation> suggested) {
            return new Unanswered(question, platform, at, Reason.UNSURE, suggested);
        }
    }
}
