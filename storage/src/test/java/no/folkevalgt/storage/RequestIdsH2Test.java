package no.folkevalgt.storage;

class RequestIdsH2Test extends RequestIdsContract {

    @Override
    protected Database.Dialect dialect() {
        return Database.Dialect.H2;
    }
}
