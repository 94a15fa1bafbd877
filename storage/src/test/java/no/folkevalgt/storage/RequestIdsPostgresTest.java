package no.folkevalgt.storage;

class RequestIdsPostgresTest extends RequestIdsContract {

    @Override
    protected Database.Dialect dialect() {
        return Database.Dialect.POSTGRESQL;
    }
}
