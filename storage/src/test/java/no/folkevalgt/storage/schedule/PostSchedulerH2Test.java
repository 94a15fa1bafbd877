package no.folkevalgt.storage.schedule;

import no.folkevalgt.storage.Database;

class PostSchedulerH2Test extends PostSchedulerContract {

    @Override
    protected Database.Dialect dialect() {
        return Database.Dialect.H2;
    }
}
