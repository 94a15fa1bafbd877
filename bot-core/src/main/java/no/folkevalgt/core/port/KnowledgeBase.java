package no.folkevalgt.core.port;

import java.util.List;
import no.folkevalgt.core.text.Questions;

/**
 * Searches the programme material. Thread-safe; answers from a cache for repeated questions.
 *
 * <pre>{@code
 * try (KnowledgeBase kb = LuceneKnowledgeBase.open(Path.of("content"), Path.of("data/index"))) {
 *     Answer a = kb.ask("Hvordan får jeg en sak på saklista?", 3);
 * }
 * }</pre>
 */
public interface KnowledgeBase extends AutoCloseable {

    /**
     * Finds the passages that answer a question.
     *
     * @param question any text a user typed; never causes a parse error
     * @param top      how many hits to return at most (1 or more)
     */
    Answer ask(String question, int top);

    /**
     * Finds the passages for a follow-up read together with its topic: searched as {@code question}
     * (the follow-up's words and the topic's), with each hit's lines chosen for {@code focus} (the
     * follow-up's own words) where the passage has them. A knowledge base that cannot tell lines
     * apart answers as {@link #ask(String, int)}.
     */
    default Answer ask(String question, String focus, int top) {
        return ask(question, top);
    }

    /**
     * Which of {@code known} asks what {@code question} asks: the same words, or the same content words
     * in other forms, spellings, Nynorsk or synonyms, with at most a light word more or less (see
     * docs/search.md, "What facilitators teach"). Used for the questions a facilitator taught the bot.
     * A knowledge base without analysis compares the cleaned, lower-cased texts. {@code known} must not
     * change once passed: the same list object passed again is recognised and not analysed again.
     *
     * @return the index in {@code known} of the closest such question, or -1 when none is alike
     */
    default int closest(String question, List<String> known) {
        String asked = Questions.clean(question).toLowerCase(java.util.Locale.ROOT);
        for (int i = 0; i < known.size(); i++) {
            if (Questions.clean(known.get(i)).toLowerCase(java.util.Locale.ROOT).equals(asked)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * A sure answer from the passage a facilitator chose for this question: that passage first, with
     * the lines that answer the question, then up to {@code top - 1} others the search finds ("Se også").
     *
     * @return null when no passage has that id (the material changed)
     */
    default Answer answerFrom(String question, String passageId, int top) {
        return passages().stream().filter(p -> p.id().equals(passageId)).findFirst()
                .map(p -> new Answer(question, true, List.of(new Hit(p, List.of(p.text().isBlank() ? p.title() : p.text()), 1)),
                        null))
                .orElse(null);
    }

    /** Every passage of the material, in order (a few hundred at most), for choosing a slide by number. */
    default List<Passage> passages() {
        return List.of();
    }

    /** The parts of the programme the material covers, in order, for "what can I ask" hints. */
    List<String> topics();

    /**
     * Keeps the knowledge base up to date with its material: looks for changes every {@code interval}
     * in the background until {@link #close()}. Does nothing for a knowledge base without material on disk.
     */
    default void watch(java.time.Duration interval) {
    }

    /** Counters and facts about the index, for logs, health checks and metrics. */
    Stats stats();

    @Override
    void close();

    /**
     * @param passages    passages in the index
     * @param contentHash hash of the material the index was built from
     * @param cacheHits   questions answered from the cache
     * @param cacheMisses questions that were searched
     */
    record Stats(int passages, String contentHash, long cacheHits, long cacheMisses) {
    }
}
