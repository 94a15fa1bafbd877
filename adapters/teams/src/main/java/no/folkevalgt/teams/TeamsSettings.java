package no.folkevalgt.teams;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

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

    private static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    /* A verified domain of a tenant, such as kommune.no or kommune.onmicrosoft.com. */
    private static final Pattern DOMAIN = Pattern.compile(
            "(?i)(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");
    /** Shorter than this is not a client secret from Azure (those are about 40 characters). */
    static final int MIN_PASSWORD_LENGTH = 16;

    /**
     * @throws IllegalArgumentException with a Norwegian message naming the setting that is wrong and what
     *         it should be; the message never holds the password
     */
    public TeamsSettings {
        appId = appId == null ? "" : appId.strip();
        password = password == null ? "" : password;
        tenantId = tenantId == null ? "" : tenantId.strip();
        if (appId.isEmpty() && !password.isEmpty()) {
            throw new IllegalArgumentException("MICROSOFT_APP_PASSWORD er satt, men MICROSOFT_APP_ID mangler. Sett begge "
                    + "(app-ID-en og klienthemmeligheten fra Azure Bot-ressursen), eller ingen av dem.");
        }
        if (appId.isEmpty() && !tenantId.isEmpty()) {
            throw new IllegalArgumentException("MICROSOFT_APP_TENANT_ID er satt, men MICROSOFT_APP_ID mangler. Sett "
                    + "MICROSOFT_APP_ID og MICROSOFT_APP_PASSWORD fra Azure Bot-ressursen også.");
        }
        if (!appId.isEmpty()) {
            if (!GUID.matcher(appId).matches()) {
                throw new IllegalArgumentException("MICROSOFT_APP_ID må være app-ID-en (en GUID, som "
                        + "1b2c3d4e-0000-4000-8000-1234567890ab) fra Azure Bot-ressursen (Konfigurasjon → Microsoft App ID), "
                        + "men er «" + appId + "».");
            }
            checkPassword(password);
            if (!tenantId.isEmpty() && !GUID.matcher(tenantId).matches() && !DOMAIN.matcher(tenantId).matches()) {
                throw new IllegalArgumentException("MICROSOFT_APP_TENANT_ID må være ID-en til Microsoft Entra-leietakeren "
                        + "(en GUID, som 72f988bf-0000-4000-8000-1234567890ab) eller et bekreftet domene i den "
                        + "(som kommune.onmicrosoft.com), men er «" + tenantId + "». "
                        + "Du finner den i Azure Bot-ressursen under Konfigurasjon → App Tenant ID.");
            }
            if (tenantId.equalsIgnoreCase("botframework.com")) {
                throw new IllegalArgumentException("MICROSOFT_APP_TENANT_ID er botframework.com, som er det en bot med flere "
                        + "leietakere (multi-tenant) bruker. For en bot med én leietaker (single-tenant): sett "
                        + "leietakerens ID. For multi-tenant: la MICROSOFT_APP_TENANT_ID stå tom.");
            }
        }
    }

    /* Never shows the password, only what is wrong with it. */
    private static void checkPassword(String password) {
        String advice = " Lim inn verdien (Value) til en klienthemmelighet fra app-registreringen "
                + "(Sertifikater og hemmeligheter → Klienthemmeligheter), uten anførselstegn.";
        if (password.isEmpty()) {
            throw new IllegalArgumentException("MICROSOFT_APP_ID er satt, men MICROSOFT_APP_PASSWORD er tom. Sett "
                    + "klienthemmeligheten også (eller ingen av dem for å prøve med Bot Framework Emulator)." + advice);
        }
        if (!password.equals(password.strip())) {
            throw new IllegalArgumentException("MICROSOFT_APP_PASSWORD begynner eller slutter med mellomrom eller linjeskift."
                    + advice);
        }
        if (password.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c > 0x7e)) {
            throw new IllegalArgumentException("MICROSOFT_APP_PASSWORD inneholder tegn som ikke finnes i en klienthemmelighet "
                    + "(linjeskift, tabulator eller tegn utenfor ASCII)." + advice);
        }
        if (password.length() >= 2 && (password.startsWith("\"") && password.endsWith("\"")
                || password.startsWith("'") && password.endsWith("'"))) {
            throw new IllegalArgumentException("MICROSOFT_APP_PASSWORD står i anførselstegn som er blitt en del av verdien."
                    + advice);
        }
        if (GUID.matcher(password).matches()) {
            throw new IllegalArgumentException("MICROSOFT_APP_PASSWORD ser ut som en GUID: det er trolig hemmelighetens ID "
                    + "(Secret ID), ikke verdien." + advice);
        }
        if (password.length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("MICROSOFT_APP_PASSWORD er bare " + password.length() + " tegn lang; "
                    + "en klienthemmelighet fra Azure er rundt 40 tegn." + advice);
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

    /**
     * Whether the bot is single-tenant: its outgoing token comes from its own tenant
     * ({@code MICROSOFT_APP_TENANT_ID}) rather than from {@code botframework.com}.
     */
    public boolean singleTenant() {
        return authenticated() && !tenantId.isEmpty();
    }

    @Override
    public String toString() {
        return "TeamsSettings[appId=" + (appId.isEmpty() ? "(none)" : appId)
                + ", password=" + (password.isEmpty() ? "(none)" : "***")
                + ", tenantId=" + (tenantId.isEmpty() ? "(multi-tenant)" : tenantId) + "]";
    }
}
