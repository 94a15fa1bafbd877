package no.folkevalgt.storage;

class FeedbackStorePostgresTest extends FeedbackStoreContract {

    @Override
    protected Database.Dialect dialect() {
        return Database.Dialect.POSTGRESQL;
    }
}
