package no.folkevalgt.storage;

class RetentionPostgresTest extends RetentionContract {

    @Override
    protected Database.Dialect dialect() {
        return Database.Dialect.POSTGRESQL;
    }
}
