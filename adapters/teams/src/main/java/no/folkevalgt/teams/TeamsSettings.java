package no.folkevalgt.teams;

import java.util.Map;
import java.util.Objects;

/**
 * The Azure Bot registration the Teams adapter runs as, under the names Microsoft's own tooling uses.
 *
 * <pre>{@code
 * TeamsSettings settings = TeamsSettings.fromEnvironment(System.getenv());
 * }</pre>
 *
 * @param appId    {@code MICROSOFT_APP_ID}; empty turns authentication off (Bot Framework Emulator only)
 * @param password {@code MICROSOFT_APP_PASSWORD}, the client secret; never shown by {@link #toString()}
 * @param tenantId {@code MICROSOFT_APP_TENANT_ID} for a single-tenant bot; empty for multi-tenant
 */
public record TeamsSettings(String appId, String password, String tenantId) {

    public TeamsSettings {
        appId = appId == null ? "" : appId.strip();
        password = password == null ? "" : password;
        tenantId = tenantId == null ? "" : tenantId.strip();
        if (!appId.isEmpty() && password.isEmpty()) {
            throw new IllegalArgumentException("MICROSOFT_APP_ID is set but MICROSOFT_APP_PASSWORD is empty;"
                    + " set both (the client secret of the Azure Bot's app registration), or neither for the Emulator");
        }
        if (appId.isEmpty() && !password.isEmpty()) {
            throw new IllegalArgumentException("MICROSOFT_APP_PASSWORD is set but MICROSOFT_APP_ID is empty; set both");
        }
    }

    /** Reads {@code MICROSOFT_APP_ID}, {@code MICROSOFT_APP_PASSWORD} and {@code MICROSOFT_APP_TENANT_ID}. */
    public static TeamsSettings fromEnvironment(Map<String, String> env) {
        Objects.requireNonNull(env, "env");
        return new TeamsSettings(env.get("MICROSOFT_APP_ID"), env.get("MICROSOFT_APP_PASSWORD"),
                env.get("MICROSOFT_APP_TENANT_ID"));
    }

    /** Settings without an app: unauthenticated, for the Bot Framework Emulator on this machine. */
    public static TeamsSettings emulator() {
        return new TeamsSettings("", "", "");
    }

    /** Whether incoming requests are authenticated (an app id is configured). */
    public boolean authenticated() {
        return !appId.isEmpty();
    }

    @Override
    public String toString() {
        return "TeamsSettings[appId=" + (appId.isEmpty() ? "(none)" : appId)
                + ", password=" + (password.isEmpty() ? "(none)" : "***")
                + ", tenantId=" + (tenantId.isEmpty() ? "(multi-tenant)" : tenantId) + "]";
    }
}
