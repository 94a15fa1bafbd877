package no.folkevalgt.storage;

class DialogueMemoryH2Test extends DialogueMemoryContract {

    @Override
    protected Database.Dialect dialect() {
        return Database.Dialect.H2;
    }
}
