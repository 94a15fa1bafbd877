package no.folkevalgt.teams;

import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTDecodeException;
import com.auth0.jwt.exceptions.SignatureVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.bot.connector.authentication.CachingOpenIdMetadataResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Bot Framework's token signing keys, fetched off the request path: read from the OpenID metadata
 * and its {@code jwks_uri} with a timeout, once at start and then in the background every
 * {@link #REFRESH} (Microsoft's guidance: keys roll over, check once a day), and sooner when a token
 * names a key id that is not known, at most once per {@link #MIN_REFRESH_GAP}. A request never waits for
 * Microsoft: a token that no cached key signed is refused at once ({@link #signedByKnownKey}). The SDK
 * checks the rest of the token (issuer, audience, lifetime, endorsements) after this gate, from its own
 * cache, which is warmed here after every fetch so that it does not fetch on a request.
 */
final class SigningKeys implements AutoCloseable {

    static final Duration REFRESH = Duration.ofHours(24);
    static final Duration MIN_REFRESH_GAP = Duration.ofMinutes(5);
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String metadataUrl;
    private final Duration timeout;
    private final Clock clock;
    private final HttpClient http;
    private final ScheduledExecutorService background;
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private volatile Map<String, RSAPublicKey> keys = Map.of();
    private volatile Instant lastAttempt = Instant.EPOCH;

    SigningKeys(String metadataUrl, Duration timeout, Clock clock) {
        this.metadataUrl = metadataUrl;
        this.timeout = timeout;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
        this.background = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "teams-signing-keys");
            t.setDaemon(true);
            return t;
        });
    }

    /** Fetches now (bounded by the timeout), then keeps the keys fresh in the background. */
    SigningKeys start() {
        refresh();
        background.scheduleWithFixedDelay(this::refresh, REFRESH.toMillis(), REFRESH.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /**
     * Whether the token's signature was made by one of the cached keys (RS256). An unknown key id asks
     * for a refresh in the background and is refused meanwhile.
     */
    boolean signedByKnownKey(String token) {
        DecodedJWT jwt;
        try {
            jwt = JWT.decode(token);
        } catch (JWTDecodeException e) {
            return false;
        }
        RSAPublicKey key = jwt.getKeyId() == null ? null : keys.get(jwt.getKeyId());
        if (key == null) {
            refreshSoon();
            return false;
        }
        if (!"RS256".equals(jwt.getAlgorithm())) {
            return false;
        }
        try {
            Algorithm.RSA256(key, null).verify(jwt);
            return true;
        } catch (SignatureVerificationException e) {
            return false;
        }
    }

    /** How many keys are cached. */
    int size() {
        return keys.size();
    }

    private void refreshSoon() {
        if (Duration.between(lastAttempt, clock.instant()).compareTo(MIN_REFRESH_GAP) >= 0 && !refreshing.get()) {
            try {
                background.execute(this::refresh);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                /* closing */
            }
        }
    }

    private void refresh() {
        if (!refreshing.compareAndSet(false, true)) {
            return;
        }
        lastAttempt = clock.instant();
        try {
            JsonNode metadata = get(metadataUrl);
            String jwksUri = metadata.path("jwks_uri").asText("");
            if (jwksUri.isEmpty()) {
                throw new IllegalStateException("no jwks_uri in the OpenID metadata");
            }
            Map<String, RSAPublicKey> fresh = new HashMap<>();
            for (JsonNode key : get(jwksUri).path("keys")) {
                String kid = key.path("kid").asText("");
                if (!kid.isEmpty() && "RSA".equals(key.path("kty").asText()) && key.hasNonNull("n") && key.hasNonNull("e")) {
                    fresh.put(kid, rsa(key.path("n").asText(), key.path("e").asText()));
                }
            }
            if (fresh.isEmpty()) {
                throw new IllegalStateException("no RSA keys at " + jwksUri);
            }
            keys = Map.copyOf(fresh);
            log.info("Teams: {} signing keys from {}", fresh.size(), metadataUrl);
            warmSdkCache();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.warn("Teams: could not fetch the token signing keys from {} ({}); keeping the {} cached ones",
                    metadataUrl, e.toString(), keys.size());
        } finally {
            refreshing.set(false);
        }
    }

    /* The SDK's validation fetches (without a timeout) when its cache is empty: fill it here, off the request path. */
    private void warmSdkCache() {
        try {
            new CachingOpenIdMetadataResolver().get(metadataUrl).getKey(keys.keySet().iterator().next());
        } catch (RuntimeException e) {
            log.debug("Warming the SDK's key cache failed: {}", e.toString());
        }
    }

    private JsonNode get(String url) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + response.statusCode() + " from " + url);
        }
        return JSON.readTree(response.body());
    }

    private static RSAPublicKey rsa(String n, String e) throws Exception {
        Base64.Decoder b64 = Base64.getUrlDecoder();
        RSAPublicKeySpec spec = new RSAPublicKeySpec(new BigInteger(1, b64.decode(n)), new BigInteger(1, b64.decode(e)));
        return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(spec);
    }

    @Override
    public void close() {
        background.shutdownNow();
    }
}
