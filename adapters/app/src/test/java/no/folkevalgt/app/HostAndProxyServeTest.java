package no.folkevalgt.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./bot} with PUBLIC_URL and TRUSTED_PROXIES: which host names it serves, and what it refuses at start. */
class HostAndProxyServeTest {

    @TempDir
    Path home;

    @Test
    void serve_answersItsPublicAndLoopbackNames_andRefusesAReboundNameForTheFacilitatorExport() throws Exception {
        Cli cli = new Cli(home);
        cli.env.put("PORT", "0");
        cli.env.put("PUBLIC_URL", "https://bot.kommune.no/");
        cli.env.put("TRUSTED_PROXIES", "127.0.0.1");
        try (BotServer running = BotServer.builder().settings(cli.env).workingDir(home).start()) {
            int port = running.port();
            String rebound = get(port, "/fasilitator/eksport.csv", "evil.example:" + port);
            assertThat(rebound).startsWith("HTTP/1.1 421").contains("Ukjent adresse");
            assertThat(get(port, "/fasilitator/eksport.csv", "localhost:" + port)).startsWith("HTTP/1.1 200");
            assertThat(get(port, "/", "bot.kommune.no")).startsWith("HTTP/1.1 200");
            assertThat(get(port, "/healthz", "10.0.0.5:" + port)).startsWith("HTTP/1.1 200");
        }
    }

    @Test
    void aTrustedProxiesEntryThatIsNoAddress_orAPublicUrlWithoutAHost_isRefusedInNorwegian() {
        assertThatThrownBy(() -> Settings.load(java.util.Map.of("TRUSTED_PROXIES", "proxy.kommune.no"), home))
                .isInstanceOf(UserError.class)
                .hasMessageContaining("TRUSTED_PROXIES: «proxy.kommune.no» er ikke en IP-adresse eller et nettverk");
        assertThatThrownBy(() -> Settings.load(java.util.Map.of("PUBLIC_URL", "bot.kommune.no"), home))
                .isInstanceOf(UserError.class)
                .hasMessageContaining("PUBLIC_URL må være adressen brukerne åpner boten på");
        Settings ok = Settings.load(java.util.Map.of("TRUSTED_PROXIES", "10.0.0.0/8, ::1", "PUBLIC_URL", "https://Bot.Kommune.no:8443"), home);
        assertThat(ok.publicHost()).hasValue("Bot.Kommune.no");
        assertThat(ok.trustedProxies().trusts("10.20.30.40")).isTrue();
        assertThat(ok.trustedProxies().trusts("11.0.0.1")).isFalse();
    }

    private static String get(int port, String path, String host) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
