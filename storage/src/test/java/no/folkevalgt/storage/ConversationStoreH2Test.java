package no.folkevalgt.storage;

class ConversationStoreH2Test extends ConversationStoreContract {

    @Override
    protected Database.Dialect dialect() {
        return Database.Dialect.H2;
    }
}
