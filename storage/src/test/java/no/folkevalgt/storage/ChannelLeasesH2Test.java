package no.folkevalgt.storage;

class ChannelLeasesH2Test extends ChannelLeasesContract {

    @Override
    protected Database.Dialect dialect() {
        return Database.Dialect.H2;
    }
}
