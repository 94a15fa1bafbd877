package no.folkevalgt.storage;

class LessonStorePostgresTest extends LessonStoreContract {

    @Override
    protected Database.Dialect dialect() {
        return Database.Dialect.POSTGRESQL;
    }
}
