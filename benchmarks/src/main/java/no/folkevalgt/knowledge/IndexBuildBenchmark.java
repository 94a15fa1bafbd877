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
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * A full rebuild of the index ({@code LuceneKnowledgeBase.index(..., force = true)}) into a fresh
 * folder: reading and splitting the decks, the compound dictionary, analysis and writing. The
 * throughput in passages per second is printed at the end of each trial.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@State(Scope.Benchmark)
public class IndexBuildBenchmark {

    @Param({"bundled", "50k"})
    public String corpus;

    private Path work;
    private Path content;
    private Path index;
    private IndexReport report;
    private long nanos;
    private final List<Double> rates = new ArrayList<>();

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        work = Files.createTempDirectory("folkevalgt-bench-");
        content = BenchCorpus.content(corpus, work);
    }

    @Setup(Level.Iteration)
    public void freshIndex() throws IOException {
        index = Files.createTempDirectory(work, "index-");
    }

    @Benchmark
    public IndexReport build() throws IOException {
        long start = System.nanoTime();
        report = LuceneKnowledgeBase.index(content, index, IngestProgress.NONE, true);
        nanos = System.nanoTime() - start;
        return report;
    }

    @TearDown(Level.Iteration)
    public void afterBuild(IterationParams params) {
        double rate = report.passages() / (nanos / 1e9);
        if (params.getType() == IterationType.MEASUREMENT) {
            rates.add(rate);
        }
        System.out.printf(Locale.ROOT, "  [%s] %d passages from %d files in %.0f ms: %.0f passages/s%n",
                params.getType() == IterationType.MEASUREMENT ? "measured" : "warmup",
                report.passages(), report.files(), nanos / 1e6, rate);
        BenchCorpus.delete(index);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        double mean = rates.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        System.out.printf(Locale.ROOT, "%n[index build] corpus=%s: mean %.0f passages/s over %d measured builds%n",
                corpus, mean, rates.size());
        BenchCorpus.delete(work);
    }
}
