package no.folkevalgt.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * Microsoft Entra's login host (login.microsoftonline.com) on loopback, for the SDK's own
 * {@code MicrosoftAppCredentials}, which get the bot's outgoing token through MSAL. MSAL accepts only
 * an https authority and, before it trusts a host it does not know, asks login.microsoftonline.com
 * which hosts belong to Microsoft (instance discovery). So, once per JVM, this makes a self-signed
 * certificate for 127.0.0.1 with the JDK's keytool, lets {@link HttpsURLConnection} (which MSAL uses)
 * trust it besides the JDK's own CAs, and hands MSAL the instance-discovery answer it would get for
 * 127.0.0.1. Everything after that (the authority, the tenant in the path, the form, the token's
 * caching) is MSAL's and the SDK's own code.
 */
final class LoopbackLogin implements AutoCloseable {

    private static final char[] PASSWORD = "loopback-only".toCharArray();
    private static SSLContext tls;

    private final HttpsServer server;

    private LoopbackLogin(HttpsServer server) {
        this.server = server;
    }

    /** An https server on 127.0.0.1 whose every request goes to {@code handler}. */
    static LoopbackLogin start(HttpHandler handler) throws IOException {
        SSLContext context = tls();
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(context));
        server.createContext("/", handler);
        server.start();
        LoopbackLogin login = new LoopbackLogin(server);
        knownToMsal(login.base());
        return login;
    }

    /** {@code https://127.0.0.1:PORT/}, where {@code https://login.microsoftonline.com/} would be. */
    URI base() {
        return URI.create("https://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    private static synchronized SSLContext tls() throws IOException {
        if (tls != null) {
            return tls;
        }
        try {
            Path dir = Files.createTempDirectory("loopback-login");
            Path store = dir.resolve("login.p12");
            Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                    "-genkeypair", "-alias", "login", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                    "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-storetype", "PKCS12",
                    "-keystore", store.toString(), "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD))
                    .redirectErrorStream(true).start();
            String output = new String(keytool.getInputStream().readAllBytes());
            if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
                throw new IOException("keytool failed: " + output);
            }
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                keys.load(in, PASSWORD);
            }
            Certificate certificate = keys.getCertificate("login");
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(keys, PASSWORD);

            /* The JDK's CAs and this certificate. */
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            try (InputStream in = Files.newInputStream(Path.of(System.getProperty("java.home"), "lib", "security", "cacerts"))) {
                trusted.load(in, null);
            }
            trusted.setCertificateEntry("loopback-login", certificate);
            TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trustManagers.init(trusted);

            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
            HttpsURLConnection.setDefaultSSLSocketFactory(context.getSocketFactory());
            tls = context;
            return context;
        } catch (IOException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        } catch (Exception e) {
            throw new IOException("could not set up TLS for the loopback login host", e);
        }
    }

    /*
     * MSAL keeps the instance-discovery answers per host in a JVM-wide cache and fills it from an
     * application's aadInstanceDiscoveryResponse when that application is built.
     */
    private static void knownToMsal(URI base) throws IOException {
        String host = base.getHost();
        String discovery = "{\"tenant_discovery_endpoint\":\"" + base + "common/v2.0/.well-known/openid-configuration\","
                + "\"api-version\":\"1.1\",\"metadata\":[{\"preferred_network\":\"" + host + "\",\"preferred_cache\":\""
                + host + "\",\"aliases\":[\"" + host + "\"]}]}";
        ConfidentialClientApplication.builder("00000000-0000-0000-0000-000000000000",
                        ClientCredentialFactory.createFromSecret("unused"))
                .authority(base + "common/")
                .aadInstanceDiscoveryResponse(discovery)
                .build();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
