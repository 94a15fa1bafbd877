package no.folkevalgt.storage;

class ChannelLeasesPostgresTest extends ChannelLeasesContract {

    @Override
    protected Database.Dialect dialect() {
        return Database.Dialect.POSTGRESQL;
    }
}
