package no.folkevalgt.storage;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Opens a fresh database of the subclass's dialect before each test and closes it after. */
public abstract class DatabaseTestBase {

    @TempDir
    protected Path tempDir;

    protected TestDatabases.Connect connect;
    protected Database db;

    protected abstract Database.Dialect dialect();

    @BeforeEach
    protected void openDatabase() {
        connect = TestDatabases.of(dialect(), tempDir);
        db = connect.open();
    }

    @AfterEach
    protected void closeDatabase() {
        if (db != null) {
            db.close();
        }
    }

    /** Closes the pool: every store call after this finds the database unreachable. */
    protected void takeDatabaseAway() {
        db.close();
    }

    /** A second pool on the same database, as another process would have. */
    protected Database reopen() {
        return connect.open();
    }
}
