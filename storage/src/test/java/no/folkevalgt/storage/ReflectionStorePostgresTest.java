package no.folkevalgt.storage;

class ReflectionStorePostgresTest extends ReflectionStoreContract {

    @Override
    protected Database.Dialect dialect() {
        return Database.Dialect.POSTGRESQL;
    }
}
