package no.folkevalgt.core.port;

import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Who may see summaries and exports: user ids per platform, from the {@code FACILITATORS} setting
 * ({@code slack:U0123,teams:29:abc,local:kari}). With none configured, the local user (the person at
 * the terminal) is a facilitator; with any configured, only those listed are.
 */
public final class Facilitators {

    private final Set<String> ids;

    private Facilitators(Set<String> ids) {
        this.ids = Set.copyOf(ids);
    }

    /** Parses the setting; blank means none configured. */
    public static Facilitators parse(String setting) {
        Set<String> ids = new HashSet<>();
        if (setting != null) {
            for (String item : setting.split(",")) {
                String id = item.strip();
                if (id.isEmpty()) {
                    continue;
                }
                int colon = id.indexOf(':');
                if (colon <= 0 || colon == id.length() - 1) {
                    throw new IllegalArgumentException("FACILITATORS: «" + id
                            + "» må skrives plattform:brukerid, for eksempel slack:U0123 eller local:kari");
                }
                ids.add(id.substring(0, colon).toLowerCase(Locale.ROOT) + ":" + id.substring(colon + 1));
            }
        }
        return new Facilitators(ids);
    }

    /** None configured. */
    public static Facilitators none() {
        return new Facilitators(Set.of());
    }

    /** Whether this user may see summaries and exports. */
    public boolean includes(String platform, String user) {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(user, "user");
        if (ids.isEmpty()) {
            return Incoming.LOCAL.equals(platform);
        }
        return ids.contains(platform.toLowerCase(Locale.ROOT) + ":" + user);
    }

    public boolean includes(Incoming incoming) {
        return includes(incoming.platform(), incoming.user());
    }
}
