package no.folkevalgt.storage;

class DialogueMemoryPostgresTest extends DialogueMemoryContract {

    @Override
    protected Database.Dialect dialect() {
        return Database.Dialect.POSTGRESQL;
    }
}
