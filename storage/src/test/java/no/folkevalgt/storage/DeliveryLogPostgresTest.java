package no.folkevalgt.storage;

class DeliveryLogPostgresTest extends DeliveryLogContract {

    @Override
    protected Database.Dialect dialect() {
        return Database.Dialect.POSTGRESQL;
    }
}
