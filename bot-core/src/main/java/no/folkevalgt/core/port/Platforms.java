package no.folkevalgt.core.port;

import java.util.Set;

/** The platform names in {@link ChannelRef#platform()}, {@link Incoming#platform()} and the programme file. */
public final class Platforms {

    /** The terminal chat ({@code ./bot chat}) and the programme's local channel. */
    public static final String LOCAL = "local";
    /** The built-in web chat. */
    public static final String WEB = "web";
    public static final String SLACK = "slack";
    public static final String TEAMS = "teams";

    /** Every platform a programme may name. */
    public static final Set<String> ALL = Set.of(LOCAL, WEB, SLACK, TEAMS);

    private Platforms() {
    }
}
