package no.folkevalgt.storage.schedule;

import no.folkevalgt.storage.Database;

class PostSchedulerPostgresTest extends PostSchedulerContract {

    @Override
    protected Database.Dialect dialect() {
        return Database.Dialect.POSTGRESQL;
    }
}
