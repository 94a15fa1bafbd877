package no.folkevalgt.knowledge;

import java.util.List;

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
