package no.folkevalgt.storage;

class DeliveryLogH2Test extends DeliveryLogContract {

    @Override
    protected Database.Dialect dialect() {
        return Database.Dialect.H2;
    }
}
