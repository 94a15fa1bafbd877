package no.folkevalgt.storage;

class LessonStoreH2Test extends LessonStoreContract {

    @Override
    protected Database.Dialect dialect() {
        return Database.Dialect.H2;
    }
}
