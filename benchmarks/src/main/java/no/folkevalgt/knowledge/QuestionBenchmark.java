package no.folkevalgt.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import no.folkevalgt.core.port.Answer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Latency of one question, by corpus and by search path.
 *
 * <ul>
 *   <li>{@code answer}: {@code kb.ask(q, 3)} with the answer cache off: rewrite, query, re-rank and
 *       highlight, every time;</li>
 *   <li>{@code answerCached}: the same with the default cache; after the first round every question is
 *       a repeat, so this is what a repeated question costs;</li>
 *   <li>{@code bareBm25}: a plain BooleanQuery of the stemmed question's terms on the body field over
 *       the same index generation, top 3 with stored fields: the floor any search costs.</li>
 * </ul>
 *
 * <p>The questions ({@link BenchQuestions}) are asked in turn, so the sampled distribution mixes cheap
 * and expensive ones (declined, typo-corrected, long) the way real traffic does. The index is built
 * once per trial in a temporary folder, outside the measurement.
 *
 * <p>{@code cacheSize(0)} alone does not switch the cache off for sure: Caffeine evicts asynchronously
 * (on the common pool, one thread on two cores), so a question asked again shortly after may still be
 * found. The uncached paths therefore append a run of punctuation that encodes a counter: it makes
 * every cache key new, and the tokenizer drops it, so the search does exactly the same work. The
 * cache statistics are printed at the end of each trial to show it.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 4)
@State(Scope.Benchmark)
public class QuestionBenchmark {

    /** How many hits a question asks for, as the bot does. */
    static final int TOP = 3;

    @Param({"bundled", "50k"})
    public String corpus;

    @Param({"answer", "answerCached", "bareBm25"})
    public String path;

    private Path work;
    private LuceneKnowledgeBase kb;
    private BareSearch bare;
    private String[] questions;
    private int next;
    private boolean unique;
    private long asked;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        work = Files.createTempDirectory("folkevalgt-bench-");
        Path content = BenchCorpus.content(corpus, work);
        Path index = work.resolve("index");
        long start = System.nanoTime();
        kb = LuceneKnowledgeBase.builder(content, index)
                .cacheSize(path.equals("answerCached") ? 10_000 : 0)
                .open();
        long opened = System.nanoTime();
        if (path.equals("bareBm25")) {
            bare = new BareSearch(index);
        }
        questions = BenchQuestions.ALL.toArray(String[]::new);
        unique = !path.equals("answerCached");
        int answered = 0;
        for (int i = 0; i < questions.length; i++) {
            Answer plain = kb.ask(questions[i], TOP);
            Answer marked = kb.ask(questions[i] + ' ' + marks(i), TOP);
            answered += plain.answered() ? 1 : 0;
            if (!ids(plain).equals(ids(marked))) {
                System.out.println("WARNING: the punctuation suffix changes the answer to: " + questions[i]);
            }
        }
        kb.close();
        // Reopen so that the cache starts empty and the heap figure below is for an opened index only.
        kb = LuceneKnowledgeBase.builder(content, index)
                .cacheSize(path.equals("answerCached") ? 10_000 : 0)
                .open();
        long heap = BenchCorpus.usedHeapAfterGc();
        System.out.printf(Locale.ROOT, "%n[setup] corpus=%s passages=%d index built+opened in %.1f s; "
                        + "%d/%d questions answered; heap used after open (after GC) %.1f MiB%n",
                corpus, kb.stats().passages(), (opened - start) / 1e9, answered, questions.length, heap / 1048576.0);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        var stats = kb.stats();
        System.out.printf(Locale.ROOT, "%n[teardown] path=%s cache hits=%d misses=%d%s%n", path,
                stats.cacheHits(), stats.cacheMisses(),
                path.equals("answer") && stats.cacheHits() > 0 ? "  WARNING: the uncached path hit the cache" : "");
        kb.close();
        if (bare != null) {
            bare.close();
        }
        BenchCorpus.delete(work);
    }

    @Benchmark
    public Object ask() {
        String question = questions[next];
        next = next + 1 == questions.length ? 0 : next + 1;
        if (unique) {
            question = question + ' ' + marks(asked++);
        }
        if (bare != null) {
            try {
                List<?> docs = bare.search(question, TOP);
                return docs;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return kb.ask(question, TOP);
    }

    private static List<String> ids(Answer answer) {
        return answer.hits().stream().map(h -> h.passage().id()).toList();
    }

    private static final char[] MARKS = {'?', '!', '.', ','};

    /** A counter written in punctuation marks (base 4): distinct for every n, and no token for the analyzers. */
    static String marks(long n) {
        StringBuilder sb = new StringBuilder(12);
        long rest = n;
        do {
            sb.append(MARKS[(int) (rest & 3)]);
            rest >>>= 2;
        } while (rest != 0);
        return sb.toString();
    }
}
