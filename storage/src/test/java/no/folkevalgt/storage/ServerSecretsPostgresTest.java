package no.folkevalgt.storage;

class ServerSecretsPostgresTest extends ServerSecretsContract {

    @Override
    protected Database.Dialect dialect() {
        return Database.Dialect.POSTGRESQL;
    }
}
