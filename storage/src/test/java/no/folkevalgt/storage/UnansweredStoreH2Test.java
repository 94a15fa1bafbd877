package no.folkevalgt.storage;

class UnansweredStoreH2Test extends UnansweredStoreContract {

    @Override
    protected Database.Dialect dialect() {
        return Database.Dialect.H2;
    }
}
