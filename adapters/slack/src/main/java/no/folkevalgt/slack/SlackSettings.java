package no.folkevalgt.slack;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Slack settings, read from the environment under the names Bolt's own tooling uses.
 *
 * <pre>{@code
 * Optional<SlackSettings> slack = SlackSettings.from(System.getenv());
 * }</pre>
 *
 * @param botToken       {@code SLACK_BOT_TOKEN}, {@code xoxb-…}; required
 * @param signingSecret  {@code SLACK_SIGNING_SECRET}; required in HTTP mode, may be null with Socket Mode
 * @param appToken       {@code SLACK_APP_TOKEN}, {@code xapp-…}; when set, the adapter connects with Socket Mode
 * @param apiUrl         {@code SLACK_API_URL}, the Web API base ending in '/'; default {@value #DEFAULT_API_URL}
 * @param defaultChannel {@code SLACK_DEFAULT_CHANNEL}, a channel id for programme posts, or null
 */
public record SlackSettings(String botToken, String signingSecret, String appToken, String apiUrl,
                            String defaultChannel) {

    /** Slack's own Web API. */
    public static final String DEFAULT_API_URL = "https://slack.com/api/";

    public SlackSettings {
        botToken = blankToNull(botToken);
        signingSecret = blankToNull(signingSecret);
        appToken = blankToNull(appToken);
        defaultChannel = blankToNull(defaultChannel);
        Objects.requireNonNull(botToken, "SLACK_BOT_TOKEN is not set");
        if (signingSecret == null && appToken == null) {
            throw new IllegalArgumentException("SLACK_SIGNING_SECRET is not set: HTTP mode needs it to verify "
                    + "requests (or set SLACK_APP_TOKEN for Socket Mode)");
        }
        if (appToken != null && !appToken.startsWith("xapp-")) {
            throw new IllegalArgumentException("SLACK_APP_TOKEN must start with xapp- (an app-level token with "
                    + "the connections:write scope)");
        }
        apiUrl = blankToNull(apiUrl);
        apiUrl = apiUrl == null ? DEFAULT_API_URL : apiUrl;
        if (!apiUrl.startsWith("https://") && !apiUrl.startsWith("http://")) {
            throw new IllegalArgumentException("SLACK_API_URL must start with https:// but was " + apiUrl);
        }
        if (!apiUrl.endsWith("/")) {
            apiUrl = apiUrl + "/";
        }
    }

    /**
     * The settings in this environment, or empty when {@code SLACK_BOT_TOKEN} is not set (Slack is off).
     *
     * @throws IllegalArgumentException when a token is set but the rest is incomplete or malformed
     */
    public static Optional<SlackSettings> from(Map<String, String> env) {
        Objects.requireNonNull(env, "env");
        if (blankToNull(env.get("SLACK_BOT_TOKEN")) == null) {
            return Optional.empty();
        }
        return Optional.of(new SlackSettings(env.get("SLACK_BOT_TOKEN"), env.get("SLACK_SIGNING_SECRET"),
                env.get("SLACK_APP_TOKEN"), env.get("SLACK_API_URL"), env.get("SLACK_DEFAULT_CHANNEL")));
    }

    /** True when an app-level token is set: connect with Socket Mode rather than serve HTTP. */
    public boolean socketMode() {
        return appToken != null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @Override
    public String toString() {
        return "SlackSettings[botToken=" + mask(botToken) + ", signingSecret=" + mask(signingSecret)
                + ", appToken=" + mask(appToken) + ", apiUrl=" + apiUrl + ", defaultChannel=" + defaultChannel
                + ", mode=" + (socketMode() ? "socket" : "http") + "]";
    }

    private static String mask(String secret) {
        return secret == null ? "(unset)" : "(set)";
    }
}
