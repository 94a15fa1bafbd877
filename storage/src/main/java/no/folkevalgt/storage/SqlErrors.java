package no.folkevalgt.storage;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

/** Sorts SQLExceptions from PostgreSQL and H2 into "could not reach the database" and the rest. */
final class SqlErrors {

    /*
     * H2 error codes (H2's SQLState is the code as text) for a database that is gone or busy:
     * connection broken, database closed or closing, file locked by another process, I/O error,
     * lock timeout.
     */
    private static final Set<String> H2_UNAVAILABLE = Set.of("90067", "90098", "90121", "90020", "90028", "90031", "HYT00");

    private SqlErrors() {
    }

    /** Whether the exception says the database could not be reached, as opposed to a bad statement. */
    static boolean isUnavailable(SQLException e) {
        for (SQLException next = e; next != null; next = next.getNextException()) {
            if (next instanceof SQLTransientException || next instanceof SQLRecoverableException
                    || next instanceof SQLNonTransientConnectionException) {
                return true;
            }
            String state = next.getSQLState();
            if (state != null && (state.startsWith("08") // connection exception
                    || state.startsWith("53") // insufficient resources, e.g. too many connections
                    || state.startsWith("57P") // server shutting down or starting up
                    || state.startsWith("40") // serialization failure or deadlock: nothing was changed
                    || H2_UNAVAILABLE.contains(state))) {
                return true;
            }
            if (next.getCause() instanceof java.io.IOException) {
                return true;
            }
        }
        return false;
    }

    /** A unique key was taken (PostgreSQL and H2 both say 23505). */
    static boolean isDuplicateKey(SQLException e) {
        return "23505".equals(e.getSQLState());
    }
}
