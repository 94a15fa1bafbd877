package no.folkevalgt.web;

import no.folkevalgt.core.RateLimiter;
import no.folkevalgt.core.http.HttpRequest;
import no.folkevalgt.core.http.TrustedProxies;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * The backstop behind the bot's per-user rate limit for the web chat. The bot limits each user, and a
 * web user is their session cookie; a client that sends no (valid) session cookie is a new user on
 * every request and would never meet that limit. So messages without a valid session cookie spend
 * from a budget per client address instead, with the same limits as one user (by default 20 questions
 * a minute with a burst of 10, 10 reflection commands a minute with a burst of 5). Messages that carry
 * a session cookie never spend from it, so people behind one NAT with their cookies are not affected.
 *
 * <p>The client address is {@link TrustedProxies}' one rule: the connection's address, or, when the
 * connection is a trusted proxy ({@code TRUSTED_PROXIES}), the rightmost address it forwarded that is
 * not a trusted proxy. Headers from other connections are not believed (a client could make up a new
 * address for every request). IPv6 clients are counted per /64 network, since one machine usually has
 * a whole /64 to choose addresses from.
 */
final class AddressLimit {

    /** The "platform" the limiter's buckets are kept under, apart from the bot's per-user ones. */
    static final String PLATFORM = "web-adresse";
    /** The same for new sessions ({@link #tryAcquireNewSession}). */
    static final String NEW_SESSIONS = "web-ny-okt";

    private static final Pattern IP_TEXT = Pattern.compile("[0-9A-Fa-f:][0-9A-Fa-f:.]{1,44}");
    private static final int MAX_KEY = 100;

    private final RateLimiter limiter;
    private final TrustedProxies proxies;

    AddressLimit(RateLimiter limiter, TrustedProxies proxies) {
        this.limiter = limiter;
        this.proxies = proxies;
    }

    /**
     * Spends one message from the address's budget.
     *
     * @return true when the message may go on
     */
    boolean tryAcquire(HttpRequest request, String text) {
        return limiter.tryAcquire(RateLimiter.kindOf(text), PLATFORM, clientAddress(request));
    }

    /**
     * Spends one new session from the address's budget (a limiter made for sessions, see
     * {@code WebAdapter.Builder#newSessionLimiter}). This machine's own address is never limited: it is
     * the person at the machine, or a proxy on it that is not in {@code TRUSTED_PROXIES}, and then
     * every member would share one budget and a meeting would be locked out.
     *
     * @return true when a new session may be issued
     */
    boolean tryAcquireNewSession(HttpRequest request) {
        String address = proxies.clientAddress(request);
        return isLoopback(address) || limiter.tryAcquire(RateLimiter.Kind.QUESTION, NEW_SESSIONS, network(address));
    }

    /* Literals only, so that no name is ever looked up in DNS. */
    static boolean isLoopback(String address) {
        String a = network(address);
        if (a.startsWith("127.") && IP_TEXT.matcher(a).matches()) {
            return true;
        }
        String raw = address == null ? "" : address.strip().replaceAll("^\\[|\\](:\\d+)?$", "");
        if (IP_TEXT.matcher(raw).matches() && raw.indexOf(':') >= 0) {
            try {
                return InetAddress.getByName(raw).isLoopbackAddress();
            } catch (UnknownHostException e) {
                return false;
            }
        }
        return false;
    }

    /** Whom the request is counted against: the client's address, an IPv6 one as its /64 network. */
    String clientAddress(HttpRequest request) {
        return network(proxies.clientAddress(request));
    }

    /*
     * "203.0.113.7:5123" -> "203.0.113.7"; "[2001:db8:1:2::7]:443" -> "2001:db8:1:2:0:0:0:0/64". Anything
     * that is not an IP address is kept as it is (shortened), and so still counts as one client.
     */
    static String network(String address) {
        String a = address == null ? "" : address.strip();
        if (a.startsWith("[")) {
            int end = a.indexOf(']');
            a = end > 0 ? a.substring(1, end) : a.substring(1);
        } else if (a.indexOf(':') > 0 && a.indexOf(':') == a.lastIndexOf(':') && a.indexOf('.') > 0) {
            a = a.substring(0, a.indexOf(':'));
        }
        int zone = a.indexOf('%');
        if (zone > 0) {
            a = a.substring(0, zone);
        }
        /* Only literals are parsed, so that no name is ever looked up in DNS. */
        if (IP_TEXT.matcher(a).matches() && a.indexOf(':') >= 0) {
            try {
                InetAddress ip = InetAddress.getByName(a);
                byte[] bytes = ip.getAddress();
                if (bytes.length == 16) {
                    for (int i = 8; i < 16; i++) {
                        bytes[i] = 0;
                    }
                    return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
                }
                return ip.getHostAddress();
            } catch (UnknownHostException e) {
                /* not an address after all: counted as written */
            }
        }
        return a.length() > MAX_KEY ? a.substring(0, MAX_KEY) : a;
    }
}
