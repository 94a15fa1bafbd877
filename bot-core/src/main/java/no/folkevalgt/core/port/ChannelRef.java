package no.folkevalgt.core.port;

import java.util.Objects;

/**
 * A channel the bot can post to.
 *
 * @param platform {@code slack}, {@code teams}, {@code web} or {@code local}
 * @param id       the platform's channel or conversation id, e.g. {@code C0123} or {@code programmet}
 */
public record ChannelRef(String platform, String id) {

    public ChannelRef {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(id, "id");
        if (platform.isBlank() || id.isBlank()) {
            throw new IllegalArgumentException("a channel needs a platform and an id, got '" + platform + ":" + id + "'");
        }
        if (platform.contains(":")) {
            throw new IllegalArgumentException("platform must not contain ':' but was " + platform);
        }
    }

    /** Parses {@code platform:id}, the form used in programme.yaml and settings. */
    public static ChannelRef parse(String text) {
        int colon = text == null ? -1 : text.indexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException("en kanal skrives plattform:id, for eksempel local:programmet eller slack:C0123, men var «" + text + "»");
        }
        return new ChannelRef(text.substring(0, colon).strip(), text.substring(colon + 1).strip());
    }

    @Override
    public String toString() {
        return platform + ":" + id;
    }
}
