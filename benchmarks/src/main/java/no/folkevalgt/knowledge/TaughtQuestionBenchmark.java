package no.folkevalgt.knowledge;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

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
 * What a question costs before it is searched once facilitators have taught the bot: finding the taught
 * question it is like ({@link KnowledgeBase#closest}) among {@code taught} questions, on the bundled
 * material. The taught questions stand in for a facilitator's: the bundled question bank's own lines,
 * as many as asked for (a programme's worth is tens; 1,000 is the most the bot keeps). The questions
 * asked are the latency benchmark's ({@link BenchQuestions}), each made new with a punctuation counter
 * as there, so that nothing of the asked question is cached; the taught questions are analysed once
 * and kept, as in the bot.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class TaughtQuestionBenchmark {

    @Param({"10", "100", "1000"})
    public int taught;

    private Path work;
    private LuceneKnowledgeBase kb;
    private List<String> known;
    private String[] questions;
    private int next;
    private long asked;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        work = Files.createTempDirectory("folkevalgt-bench-");
        Path content = BenchCorpus.content("bundled", work);
        kb = LuceneKnowledgeBase.open(content, work.resolve("index"));
        List<String> bank = new ArrayList<>();
        kb.generationForTools().questions.values().forEach(bank::addAll);
        known = new ArrayList<>();
        for (int i = 0; known.size() < taught; i++) {
            known.add(bank.get(i % bank.size()) + (i < bank.size() ? "" : " " + QuestionBenchmark.marks(i)));
        }
        questions = BenchQuestions.ALL.toArray(String[]::new);
        int alike = 0;
        for (String q : questions) {
            alike += kb.closest(q, known) >= 0 ? 1 : 0;
        }
        System.out.printf(Locale.ROOT, "%n[setup] %d taught questions (of %d bank lines); %d of %d benchmark questions are like one%n",
                known.size(), bank.size(), alike, questions.length);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        kb.close();
        BenchCorpus.delete(work);
    }

    @Benchmark
    public int closest() {
        String question = questions[next] + ' ' + QuestionBenchmark.marks(asked++);
        next = next + 1 == questions.length ? 0 : next + 1;
        return kb.closest(question, known);
    }
}
