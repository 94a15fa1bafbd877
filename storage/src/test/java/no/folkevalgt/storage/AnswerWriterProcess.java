package no.folkevalgt.storage;

import java.nio.file.Path;
import java.time.Instant;

/** Stores answers in the embedded default as fast as it can, printing the number of each once add() returned. */
public final class AnswerWriterProcess {

    private AnswerWriterProcess() {
    }

    public static void main(String[] args) {
        Database db = Database.fromSetting("", Path.of(args[0]));
        JdbcReflectionStore store = new JdbcReflectionStore(db);
        for (int n = 1; ; n++) {
            store.add(1, "local", "u" + n, "svar " + n, Instant.now(), "request-" + n);
            System.out.println(n);
            System.out.flush();
        }
    }
}
