package no.folkevalgt.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** What start-up says about the Azure Bot's settings: Norwegian, naming the setting, never the secret. */
class TeamsSettingsTest {

    static final String APP_ID = "1b2c3d4e-0000-4000-8000-1234567890ab";
    static final String TENANT = "72f988bf-0000-4000-8000-1234567890ab";
    static final String SECRET = "Abc8Q~kommune.secret_value-1234567890xyz";
    static final String ADVICE = " Lim inn verdien (Value) til en klienthemmelighet fra app-registreringen "
            + "(Sertifikater og hemmeligheter → Klienthemmeligheter), uten anførselstegn.";

    static TeamsSettings of(String appId, String password, String tenant) {
        return TeamsSettings.fromEnvironment(new java.util.HashMap<>(Map.of(
                "MICROSOFT_APP_ID", appId, "MICROSOFT_APP_PASSWORD", password, "MICROSOFT_APP_TENANT_ID", tenant)));
    }

    @Test
    void aGuidTenant_orAVerifiedDomain_makesASingleTenantBot() {
        assertThat(of(APP_ID, SECRET, TENANT).singleTenant()).isTrue();
        assertThat(of(APP_ID, SECRET, " kommune.onmicrosoft.com ").tenantId()).isEqualTo("kommune.onmicrosoft.com");
        assertThat(of(APP_ID, SECRET, "kommune.no").singleTenant()).isTrue();
        assertThat(of(APP_ID, SECRET, "").singleTenant()).isFalse();
        assertThat(of(APP_ID, SECRET, "").authenticated()).isTrue();
    }

    @Test
    void aMalformedTenant_isRefused() {
        for (String tenant : new String[] {"common", "72f988bf-0000-4000-8000", "https://login.microsoftonline.com/" + TENANT,
                "kommune no", "-kommune.no"}) {
            assertThatThrownBy(() -> of(APP_ID, SECRET, tenant)).as(tenant)
                    .hasMessage("MICROSOFT_APP_TENANT_ID må være ID-en til Microsoft Entra-leietakeren (en GUID, som "
                            + "72f988bf-0000-4000-8000-1234567890ab) eller et bekreftet domene i den (som kommune.onmicrosoft.com), "
                            + "men er «" + tenant + "». Du finner den i Azure Bot-ressursen under Konfigurasjon → App Tenant ID.");
        }
        assertThatThrownBy(() -> of(APP_ID, SECRET, "botframework.com"))
                .hasMessageStartingWith("MICROSOFT_APP_TENANT_ID er botframework.com, som er det en bot med flere leietakere");
        assertThatThrownBy(() -> of("", "", TENANT)).hasMessage("MICROSOFT_APP_TENANT_ID er satt, men MICROSOFT_APP_ID mangler. "
                + "Sett MICROSOFT_APP_ID og MICROSOFT_APP_PASSWORD fra Azure Bot-ressursen også.");
    }

    @Test
    void anAppIdThatIsNotAGuid_isRefused() {
        assertThatThrownBy(() -> of("folkevalgt-bot", SECRET, TENANT)).hasMessage("MICROSOFT_APP_ID må være app-ID-en (en GUID, "
                + "som 1b2c3d4e-0000-4000-8000-1234567890ab) fra Azure Bot-ressursen (Konfigurasjon → Microsoft App ID), "
                + "men er «folkevalgt-bot».");
    }

    @Test
    void anEmptyOrOddPassword_isRefused_withoutShowingIt() {
        assertThatThrownBy(() -> of(APP_ID, "", TENANT)).hasMessage("MICROSOFT_APP_ID er satt, men MICROSOFT_APP_PASSWORD er tom. "
                + "Sett klienthemmeligheten også (eller ingen av dem for å prøve med Bot Framework Emulator)." + ADVICE);
        assertThatThrownBy(() -> of("", SECRET, "")).hasMessage("MICROSOFT_APP_PASSWORD er satt, men MICROSOFT_APP_ID mangler. "
                + "Sett begge (app-ID-en og klienthemmeligheten fra Azure Bot-ressursen), eller ingen av dem.");
        assertThatThrownBy(() -> of(APP_ID, SECRET + "\n", TENANT))
                .hasMessage("MICROSOFT_APP_PASSWORD begynner eller slutter med mellomrom eller linjeskift." + ADVICE);
        assertThatThrownBy(() -> of(APP_ID, "\"" + SECRET + "\"", TENANT))
                .hasMessage("MICROSOFT_APP_PASSWORD står i anførselstegn som er blitt en del av verdien." + ADVICE);
        assertThatThrownBy(() -> of(APP_ID, "Abc8Q~kommune\tsecret", TENANT))
                .hasMessage("MICROSOFT_APP_PASSWORD inneholder tegn som ikke finnes i en klienthemmelighet "
                        + "(linjeskift, tabulator eller tegn utenfor ASCII)." + ADVICE);
        assertThatThrownBy(() -> of(APP_ID, "9f8e7d6c-5b4a-4321-8fed-cba987654321", TENANT))
                .hasMessage("MICROSOFT_APP_PASSWORD ser ut som en GUID: det er trolig hemmelighetens ID (Secret ID), "
                        + "ikke verdien." + ADVICE);
        assertThatThrownBy(() -> of(APP_ID, "hemmelig", TENANT))
                .hasMessage("MICROSOFT_APP_PASSWORD er bare 8 tegn lang; en klienthemmelighet fra Azure er rundt 40 tegn." + ADVICE);
    }

    @Test
    void theEmulator_needsNothing() {
        assertThat(of("", "", "").authenticated()).isFalse();
        assertThat(TeamsSettings.emulator().singleTenant()).isFalse();
    }
}
