package no.folkevalgt.storage;

class UnansweredStorePostgresTest extends UnansweredStoreContract {

    @Override
    protected Database.Dialect dialect() {
        return Database.Dialect.POSTGRESQL;
    }
}
