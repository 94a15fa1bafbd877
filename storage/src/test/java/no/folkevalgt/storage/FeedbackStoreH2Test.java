package no.folkevalgt.storage;

class FeedbackStoreH2Test extends FeedbackStoreContract {

    @Override
    protected Database.Dialect dialect() {
        return Database.Dialect.H2;
    }
}
