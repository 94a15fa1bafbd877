package no.folkevalgt.core.port;

import java.util.Objects;

/**
 * A message a user sent to the bot, as any platform sees it.
 *
 * <pre>{@code
 * Reply reply = bot.handle(Incoming.local("Hvordan får jeg en sak på saklista?"));
 * }</pre>
 *
 * @param platform  where it came from: {@code slack}, {@code teams}, {@code web}, {@code local}
 * @param workspace the Slack workspace or Teams tenant; {@code local} for the terminal
 * @param user      the platform's user id
 * @param channel   the channel or conversation id
 * @param thread    the thread the message was posted in, or null when not in a thread
 * @param text      what the user typed, unmodified; may be empty (the bot answers that too)
 */
public record Incoming(String platform, String workspace, String user, String channel, String thread, String text) {

    /** The platform name used by {@link #local(String)}. */
    public static final String LOCAL = Platforms.LOCAL;

    public Incoming {
        requireNonBlank(platform, "platform");
        requireNonBlank(workspace, "workspace");
        requireNonBlank(user, "user");
        requireNonBlank(channel, "channel");
        if (thread != null && thread.isBlank()) {
            throw new IllegalArgumentException("thread is blank; use null for a message outside a thread");
        }
        Objects.requireNonNull(text, "text");
    }

    /** A message typed on this machine: the terminal chat and the command line. */
    public static Incoming local(String text) {
        return new Incoming(LOCAL, LOCAL, LOCAL, "terminal", null, text);
    }

    private static void requireNonBlank(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " is blank");
        }
    }
}
