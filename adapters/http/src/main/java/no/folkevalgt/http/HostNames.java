package no.folkevalgt.http;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The host names the server answers to, whatever the port: always {@code localhost}, {@code 127.0.0.1}
 * and {@code [::1]}, and the configured ones (the host of {@code PUBLIC_URL}, the {@code HOST} address
 * when it is one address). A request whose {@code Host} is another name gets 421, so that a page on
 * another site that has its name pointed at this machine (DNS rebinding) cannot read through a browser.
 *
 * <p>When the server listens on every address and no public name is configured, it cannot know the
 * names other machines use for it: then only requests from this machine are held to the loopback
 * names ({@link #loopbackOnly()}), and requests from other machines may use any name.
 */
public final class HostNames {

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "::1");

    private final Set<String> names;
    private final boolean anyNameFromOtherMachines;

    private HostNames(Collection<String> configured, boolean anyNameFromOtherMachines) {
        Set<String> all = new LinkedHashSet<>(LOOPBACK);
        for (String name : configured) {
            String n = normalise(name);
            if (!n.isEmpty()) {
                all.add(n);
            }
        }
        this.names = Set.copyOf(all);
        this.anyNameFromOtherMachines = anyNameFromOtherMachines;
    }

    /** The loopback names and these (host names or addresses; a port, brackets and case are ignored). */
    public static HostNames of(Collection<String> names) {
        return new HostNames(names, false);
    }

    /** The loopback names for requests from this machine; any name from other machines. */
    public static HostNames loopbackOnly() {
        return new HostNames(Set.of(), true);
    }

    /** Whether a request with this {@code Host} is served; {@code loopbackPeer}: it came from this machine. */
    public boolean allows(String host, boolean loopbackPeer) {
        if (anyNameFromOtherMachines && !loopbackPeer) {
            return true;
        }
        String n = normalise(host);
        if (n.startsWith("127.") && n.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}")) {
            return true;
        }
        return names.contains(n);
    }

    /** The names accepted, for the start-up log. */
    public Set<String> names() {
        return names;
    }

    /* "Bot.Example.no:443" -> "bot.example.no"; "[::1]:8080" -> "::1"; "example.no." -> "example.no". */
    static String normalise(String host) {
        String h = host == null ? "" : host.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end > 0 ? h.substring(1, end) : "";
        }
        int colon = h.indexOf(':');
        if (colon >= 0 && colon == h.lastIndexOf(':')) {
            h = h.substring(0, colon);
        }
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        return h;
    }

    @Override
    public String toString() {
        return anyNameFromOtherMachines ? "HostNames" + names + " (any name from other machines)" : "HostNames" + names;
    }
}
