package no.folkevalgt.storage.schedule;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import com.github.kagkarlsson.scheduler.jdbc.DefaultJdbcCustomization;
import com.github.kagkarlsson.scheduler.jdbc.JdbcCustomization;
import com.github.kagkarlsson.scheduler.jdbc.PostgreSqlJdbcCustomization;

import no.folkevalgt.storage.Database;

/*
 * db-scheduler passes instants as java.sql.Timestamp, optionally with a UTC Calendar. H2 does not
 * honour that Calendar for TIMESTAMP WITH TIME ZONE columns: with the JVM in Europe/Oslo every
 * execution time came back an hour off (PostSchedulerH2Test found it). Both drivers map
 * OffsetDateTime to TIMESTAMP WITH TIME ZONE exactly, with no local time in between (and so no
 * ambiguity on the night clocks go back), so the scheduler's instants travel as OffsetDateTime in UTC.
 */
final class TimestampCustomization {

    private TimestampCustomization() {
    }

    static JdbcCustomization forDialect(Database.Dialect dialect) {
        return dialect == Database.Dialect.POSTGRESQL ? new Postgres() : new H2();
    }

    static void set(PreparedStatement p, int index, Instant value) throws SQLException {
        if (value == null) {
            p.setObject(index, null, java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            p.setObject(index, OffsetDateTime.ofInstant(value, ZoneOffset.UTC));
        }
    }

    static Instant get(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static final class H2 extends DefaultJdbcCustomization {
        H2() {
            super(true);
        }

        @Override
        public void setInstant(PreparedStatement p, int index, Instant value) throws SQLException {
            set(p, index, value);
        }

        @Override
        public Instant getInstant(ResultSet rs, String columnName) throws SQLException {
            return get(rs, columnName);
        }

        @Override
        public String getName() {
            return "H2 (OffsetDateTime timestamps)";
        }
    }

    private static final class Postgres extends PostgreSqlJdbcCustomization {
        Postgres() {
            super(false, true);
        }

        @Override
        public void setInstant(PreparedStatement p, int index, Instant value) throws SQLException {
            set(p, index, value);
        }

        @Override
        public Instant getInstant(ResultSet rs, String columnName) throws SQLException {
            return get(rs, columnName);
        }

        @Override
        public String getName() {
            return "PostgreSQL (OffsetDateTime timestamps)";
        }
    }
}
