package no.folkevalgt.storage;

class ReflectionStoreH2Test extends ReflectionStoreContract {

    @Override
    protected Database.Dialect dialect() {
        return Database.Dialect.H2;
    }
}
