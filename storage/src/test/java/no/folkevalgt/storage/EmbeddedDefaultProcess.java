package no.folkevalgt.storage;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;

/**
 * A stand-in for a running bot in its own JVM: opens the embedded default, stores one answer,
 * says READY, waits for a line on standard input, then prints how many answers there are.
 */
public final class EmbeddedDefaultProcess {

    private EmbeddedDefaultProcess() {
    }

    public static void main(String[] args) throws Exception {
        try (Database db = Database.fromSetting("", Path.of(args[0]))) {
            JdbcReflectionStore store = new JdbcReflectionStore(db);
            store.add(1, "local", "bot-process", "fra boten", Instant.now(), null);
            System.out.println("READY");
            System.out.flush();
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            System.out.println("COUNT " + store.count(1));
            System.out.flush();
        }
    }
}
