package no.folkevalgt.storage;

class ServerSecretsH2Test extends ServerSecretsContract {

    @Override
    protected Database.Dialect dialect() {
        return Database.Dialect.H2;
    }
}
