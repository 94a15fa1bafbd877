package no.folkevalgt.storage;

class RetentionH2Test extends RetentionContract {

    @Override
    protected Database.Dialect dialect() {
        return Database.Dialect.H2;
    }
}
