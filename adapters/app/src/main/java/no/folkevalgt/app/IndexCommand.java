package no.folkevalgt.app;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import no.folkevalgt.knowledge.IndexReport;
import no.folkevalgt.knowledge.Ingested;
import no.folkevalgt.knowledge.IngestProgress;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code index [DIR]}: builds the search index and reports what it read and skipped. */
@Command(name = "index",
        description = {"Bygg søkeindeksen fra programmaterialet og vis hva som ble lest og hoppet over.",
                "Indeksen lagres i INDEX_DIR. Vanligvis trengs ikke dette: ask og chat bygger indeksen når materialet er endret."},
        footer = {"", "Eksempel:", "  ./bot index content/"})
final class IndexCommand implements Callable<Integer> {

    /** Folders with at least this many files report progress. */
    static final int PROGRESS_FROM = 20;

    private final App app;

    @CommandLine.Mixin
    HelpOptions helpOptions;

    @Parameters(paramLabel = "MAPPE", arity = "0..1",
            description = "Mappen med materialet (standard: CONTENT_DIR, det vil si content/).")
    Path dir;

    IndexCommand(App app) {
        this.app = app;
    }

    @Override
    public Integer call() {
        Settings settings = app.settings();
        Path content = dir == null ? settings.contentDir() : app.workingDir().resolve(dir).normalize();
        if (!Files.isDirectory(content)) {
            throw new UserError("Fant ikke mappen " + content + ".");
        }
        PrintStream out = app.out();
        IndexReport report;
        try {
            report = app.knowledge().index(content, settings.indexDir(), new Progress(app.err()));
        } catch (UserError e) {
            throw e;
        } catch (java.io.IOException | RuntimeException e) {
            throw new UserError("Kunne ikke bygge søkeindeksen i " + settings.indexDir() + ": " + Main.describe(e), e);
        }
        if (report.rebuilt()) {
            out.println("Indekserte " + count(report.passages(), "passasje", "passasjer") + " fra "
                    + count(report.files(), "fil", "filer") + " på " + report.millis() + " ms");
        } else {
            out.println("Indeksen var allerede oppdatert: " + count(report.passages(), "passasje", "passasjer")
                    + " fra " + count(report.files(), "fil", "filer") + " (sjekket på " + report.millis() + " ms)");
        }
        List<Ingested.Problem> skipped = report.problems().stream().filter(p -> !p.inQuestionBank() && !p.inTitleFile()).toList();
        List<Ingested.Problem> bank = report.problems().stream().filter(Ingested.Problem::inQuestionBank).toList();
        List<Ingested.Problem> titles = report.problems().stream().filter(Ingested.Problem::inTitleFile).toList();
        if (!skipped.isEmpty()) {
            out.println("Hoppet over " + count(skipped.size(), "fil", "filer") + ":");
            for (Ingested.Problem problem : skipped) {
                out.println("  " + problem.file() + ": " + problem.message());
            }
        }
        if (!bank.isEmpty()) {
            out.println("Merknader til spørsmålsbanken (resten av banken er tatt med):");
            for (Ingested.Problem problem : bank) {
                out.println("  " + problem.file() + ": " + problem.message());
            }
        }
        if (!titles.isEmpty()) {
            out.println("Merknader til tittelfilene (materialet er tatt med):");
            for (Ingested.Problem problem : titles) {
                out.println("  " + problem.file() + ": " + problem.message());
            }
        }
        if (report.passages() == 0) {
            app.err().println("Fant ingen tekst å søke i under " + content + ".");
            return Main.FAILURE;
        }
        return 0;
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    /** Prints a line at every tenth of a large folder, to standard error. */
    static final class Progress implements IngestProgress {
        private final PrintStream err;
        private int lastTenth = -1;

        Progress(PrintStream err) {
            this.err = err;
        }

        @Override
        public void fileDone(int done, int total, String file, int passages) {
            if (total < PROGRESS_FROM) {
                return;
            }
            int tenth = done * 10 / total;
            if (tenth != lastTenth || done == total) {
                lastTenth = tenth;
                err.println("Leste " + done + " av " + total + " filer (" + (done * 100 / total) + " %)");
                err.flush();
            }
        }
    }
}
