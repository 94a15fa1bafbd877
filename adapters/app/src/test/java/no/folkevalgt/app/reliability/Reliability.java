package no.folkevalgt.app.reliability;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.function.BooleanSupplier;
import no.folkevalgt.testsupport.Waits;

/**
 * What the reliability tests share. They start real bot processes from the built jar and take
 * minutes, so they run only on demand: {@code -Dreliability=true} (see docs/reliability.md).
 */
final class Reliability {

    static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private Reliability() {
    }

    /** Skips the test unless {@code -Dreliability=true}, and checks the jar is there. */
    static void assumeEnabled() {
        assumeTrue(Boolean.getBoolean("reliability"),
                "reliability tests run on demand: mvn -B -ntp -o -pl adapters/app test -Dreliability=true "
                        + "-Dtest='TwoInstancesTest,FaultsTest' (after building the jar; see docs/reliability.md)");
        if (!Files.isRegularFile(jar())) {
            throw new IllegalStateException("the reliability tests run the built jar, but " + jar()
                    + " is missing: mvn -B -ntp -o -pl adapters/app package -DskipTests");
        }
    }

    static Path projectRoot() {
        String root = System.getProperty("project.root");
        Path path = root != null ? Path.of(root) : Path.of("").toAbsolutePath().getParent().getParent();
        if (!Files.isDirectory(path.resolve("content"))) {
            path = Path.of("").toAbsolutePath().getParent().getParent();
        }
        return path.toAbsolutePath().normalize();
    }

    static Path jar() {
        return projectRoot().resolve("adapters/app/target/folkevalgt-bot.jar");
    }

    /** A folder under target/reliability for one run's logs and files (kept for reading afterwards). */
    static Path workDir(String name) throws IOException {
        Path dir = projectRoot().resolve("adapters/app/target/reliability")
                .resolve(name + "-" + Instant.now().truncatedTo(ChronoUnit.SECONDS).toString().replace(":", ""));
        Files.createDirectories(dir);
        return dir;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** The start of the next minute that is at least {@code lead} away. */
    static Instant nextMinuteAfter(Duration lead) {
        return Instant.now().plus(lead).truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES);
    }

    /* The harness runs against the wall clock: the bot posts when the planned minute comes, so this waits for that minute. */
    static void sleepUntil(Instant when) throws InterruptedException {
        long millis = Duration.between(Instant.now(), when).toMillis();
        if (millis > 0) {
            Thread.sleep(millis);   // the subject: real time passing, as on a programme day
        }
    }

    /** Polls every 250 ms until {@code condition} holds; false when {@code timeout} passed first. */
    static boolean await(Duration timeout, BooleanSupplier condition) {
        try {
            Waits.within(timeout).pollInterval(Duration.ofMillis(250)).until(condition::getAsBoolean);
            return true;
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            return condition.getAsBoolean();
        }
    }

    static void log(String message) {
        System.out.println("[reliability " + CLOCK.format(java.time.LocalTime.now()) + "] " + message);
        System.out.flush();
    }
}
