package no.folkevalgt.storage;

class ConversationStorePostgresTest extends ConversationStoreContract {

    @Override
    protected Database.Dialect dialect() {
        return Database.Dialect.POSTGRESQL;
    }
}
