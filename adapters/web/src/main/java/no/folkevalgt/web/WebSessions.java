package no.folkevalgt.web;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The web chat's sessions, issued by the server: the cookie holds a random id ({@code web-} and 16 hex
 * digits) and its HMAC-SHA256 under a secret key, {@code web-0123456789abcdef.<signature>}. Only a
 * cookie this server (or another instance with the same key, kept in the database) issued is taken;
 * an id a client made up, or a real id with a wrong signature, is not. The id alone is who the member
 * is (their answers, their rate limits); it is not a secret without its signature.
 */
final class WebSessions {

    private static final Pattern COOKIE = Pattern.compile("(web-[0-9a-f]{16})\\.([A-Za-z0-9_-]{43})");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    WebSessions(byte[] secret) {
        if (secret == null || secret.length < 16) {
            throw new IllegalArgumentException("the session key must have at least 16 bytes");
        }
        this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
    }

    /** A key for this process only: sessions it issues are not taken by another instance, nor after a restart. */
    static byte[] randomKey() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return secret;
    }

    /** A new session's cookie value. */
    String issue() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        String id = "web-" + HexFormat.of().formatHex(bytes);
        return id + "." + sign(id);
    }

    /** The session id of a cookie this server issued; empty for anything else. */
    Optional<String> verify(String cookie) {
        if (cookie == null) {
            return Optional.empty();
        }
        Matcher m = COOKIE.matcher(cookie);
        if (!m.matches()) {
            return Optional.empty();
        }
        byte[] expected = sign(m.group(1)).getBytes(StandardCharsets.US_ASCII);
        byte[] given = m.group(2).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given) ? Optional.of(m.group(1)) : Optional.empty();
    }

    private String sign(String id) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] signature = mac.doFinal(id.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }

    @Override
    public String toString() {
        return "WebSessions[HMAC-SHA256]";
    }
}
