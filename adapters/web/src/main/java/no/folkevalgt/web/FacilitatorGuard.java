package no.folkevalgt.web;

import no.folkevalgt.core.http.HttpRequest;
import no.folkevalgt.core.http.TrustedProxies;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Who may open the facilitator page and its data. A request from this machine is let in, unless it
 * came through a reverse proxy ({@code X-Forwarded-For}, {@code Forwarded} or {@code X-Real-IP}): then
 * it counts as from elsewhere, whether or not the proxy is in {@code TRUSTED_PROXIES} and whatever
 * client address the proxy names (a facilitator on the proxy's machine opens the bot's own address
 * instead). Any other request needs the configured {@code FACILITATOR_TOKEN}, given
 * as {@code ?token=} (the page then keeps it in a cookie), as the cookie, or as the header
 * {@code X-Fasilitator-Token} / {@code Authorization: Bearer}. Without a configured token, the page
 * opens from this machine only.
 */
final class FacilitatorGuard {

    static final String COOKIE = "fasilitator_token";
    static final String HEADER = "X-Fasilitator-Token";

    /** What the guard decided. */
    enum Decision {
        /** From this machine. */
        LOCAL,
        /** The right token came with the request. */
        TOKEN,
        /** The right token came in {@code ?token=}: set the cookie so the page's own requests carry it. */
        TOKEN_IN_QUERY,
        /** From elsewhere, and no token is configured: 403. */
        LOCAL_ONLY,
        /** From elsewhere without the right token: 401. */
        NEEDS_TOKEN;

        boolean allowed() {
            return this == LOCAL || this == TOKEN || this == TOKEN_IN_QUERY;
        }
    }

    private final String token;

    /** @param token the configured token, or null */
    FacilitatorGuard(String token) {
        this.token = token == null || token.isBlank() ? null : token;
    }

    Decision decide(HttpRequest request) {
        if (token != null) {
            if (request.queryParam("token").filter(this::matches).isPresent()) {
                return Decision.TOKEN_IN_QUERY;
            }
            if (presented(request).filter(this::matches).isPresent()) {
                return Decision.TOKEN;
            }
        }
        boolean forwarded = TrustedProxies.forwarded(request);
        if (request.fromLoopback() && !forwarded) {
            return Decision.LOCAL;
        }
        return token == null ? Decision.LOCAL_ONLY : Decision.NEEDS_TOKEN;
    }

    /** The cookie that keeps the token for the page's own requests. */
    String cookie() {
        return COOKIE + "=" + token + "; Path=/fasilitator; HttpOnly; SameSite=Strict";
    }

    private Optional<String> presented(HttpRequest request) {
        Optional<String> header = request.header(HEADER);
        if (header.isPresent()) {
            return header;
        }
        Optional<String> bearer = request.header("Authorization").filter(a -> a.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(a -> a.substring(7).strip());
        if (bearer.isPresent()) {
            return bearer;
        }
        return Cookies.get(request, COOKIE);
    }

    /* Constant time, so that the token cannot be guessed from response times. */
    private boolean matches(String presented) {
        return MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
    }
}
