package no.folkevalgt.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Microsoft on loopback: the Bot Framework's OpenID metadata and signing keys, the Microsoft Entra
 * login host that hands the bot its outgoing token (over https, as MSAL demands: {@link LoopbackLogin}),
 * and a Bot Connector (the activities' serviceUrl) that records every reply and proactive post.
 */
public final class FakeMicrosoft implements AutoCloseable {

    public static final String ISSUER = "https://api.botframework.com";
    public static final String KEY_ID = "test-key-1";
    public static final String BOT_TOKEN = "fake-outgoing-bot-token";

    public record Recorded(String method, String path, String authorization, String body) {
    }

    /** One request to the login host's token endpoint: its path (with the tenant) and its form. */
    public record TokenRequest(String path, String contentType, String form) {
        /** One field of the form, decoded; empty when it is not there. */
        public String field(String name) {
            for (String pair : form.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && java.net.URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).equals(name)) {
                    return java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                }
            }
            return "";
        }
    }

    public final KeyPair key = rsa();
    public final KeyPair otherKey = rsa();
    private final HttpServer server;
    public final List<Recorded> connector = Collections.synchronizedList(new ArrayList<>());
    public final AtomicInteger tokenRequests = new AtomicInteger();
    public final List<String> tokenForms = Collections.synchronizedList(new ArrayList<>());
    public final List<TokenRequest> tokenRequestLog = Collections.synchronizedList(new ArrayList<>());
    private final LoopbackLogin login;
    /** Statuses the connector answers next, before it goes back to 200. */
    public final Deque<Integer> scriptedStatuses = new ArrayDeque<>();
    private final AtomicInteger ids = new AtomicInteger();

    public FakeMicrosoft() throws IOException {
        this(200);
    }

    /**
     * @param loginStatus what the token endpoint answers: 200 with {@link #BOT_TOKEN}, or this status with
     *                    Microsoft Entra's answer to a wrong client secret
     */
    public FakeMicrosoft(int loginStatus) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/openid", ex -> send(ex, 200, "{\"issuer\":\"" + ISSUER + "\",\"jwks_uri\":\"" + base() + "keys\","
                + "\"id_token_signing_alg_values_supported\":[\"RS256\"]}"));
        server.createContext("/keys", ex -> send(ex, 200, jwks()));
        server.createContext("/v3/", this::connector);
        server.start();
        login = LoopbackLogin.start(ex -> {
            String form = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            tokenRequests.incrementAndGet();
            tokenForms.add(form);
            tokenRequestLog.add(new TokenRequest(ex.getRequestURI().getRawPath(),
                    ex.getRequestHeaders().getFirst("Content-Type"), form));
            if (!ex.getRequestURI().getRawPath().endsWith("/oauth2/v2.0/token")) {
                send(ex, 404, "{\"error\":\"not_found\"}");
                return;
            }
            if (loginStatus != 200) {
                send(ex, loginStatus, "{\"error\":\"invalid_client\",\"error_description\":\"AADSTS7000215: Invalid client "
                        + "secret provided.\",\"error_codes\":[7000215]}");
                return;
            }
            send(ex, 200, "{\"token_type\":\"Bearer\",\"expires_in\":3600,\"ext_expires_in\":3600,\"access_token\":\""
                    + BOT_TOKEN + "\"}");
        });
    }

    public String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    public String serviceUrl() {
        return base();
    }

    public String openIdUrl() {
        return base() + "openid";
    }

    /** The https login host the adapter's credentials ask, in place of https://login.microsoftonline.com/. */
    public URI loginHost() {
        return login.base();
    }

    private void connector(HttpExchange ex) throws IOException {
        String body;
        try (InputStream in = ex.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Integer status;
        synchronized (scriptedStatuses) {
            status = scriptedStatuses.pollFirst();
        }
        connector.add(new Recorded(ex.getRequestMethod(), ex.getRequestURI().getRawPath(),
                ex.getRequestHeaders().getFirst("Authorization"), body));
        if (status != null && status != 200) {
            if (status == 429) {
                ex.getResponseHeaders().add("Retry-After", "7");
            }
            send(ex, status, "{\"error\":{\"code\":\"Throttled\",\"message\":\"scripted\"}}");
            return;
        }
        send(ex, 200, "{\"id\":\"sent-" + ids.incrementAndGet() + "\"}");
    }

    public List<Recorded> activities() {
        synchronized (connector) {
            return List.copyOf(connector);
        }
    }

    /** A channel token as the Bot Framework signs it. */
    public String token(String audience, String issuer, Instant expires, String serviceUrl, KeyPair signer) {
        Instant now = Instant.now();
        return JWT.create().withKeyId(KEY_ID).withIssuer(issuer).withAudience(audience)
                .withClaim("serviceurl", serviceUrl)
                .withNotBefore(Date.from(now.minusSeconds(60)))
                .withIssuedAt(Date.from(now.minusSeconds(60)))
                .withExpiresAt(Date.from(expires))
                .sign(Algorithm.RSA256((RSAPublicKey) signer.getPublic(), (RSAPrivateKey) signer.getPrivate()));
    }

    private String jwks() {
        RSAPublicKey pub = (RSAPublicKey) key.getPublic();
        return "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"" + KEY_ID + "\",\"n\":\""
                + b64(pub.getModulus()) + "\",\"e\":\"" + b64(pub.getPublicExponent()) + "\",\"endorsements\":[\"msteams\",\"emulator\"]}]}";
    }

    private static String b64(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void send(HttpExchange ex, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        login.close();
    }
}
