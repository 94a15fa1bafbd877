package no.folkevalgt.core.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one rule for who the client of a request is ({@code TRUSTED_PROXIES}: addresses and CIDR ranges,
 * none by default). The client is the connection's address, unless that address is a trusted proxy:
 * then the forwarding headers are believed, and the client is the rightmost address in
 * {@code X-Forwarded-For} (else {@code Forwarded: for=}, else {@code X-Real-IP}) that is not itself a
 * trusted proxy. Addresses a client writes in front of the proxy's own entry never count, and headers
 * from a connection that is not a trusted proxy are never believed.
 *
 * <pre>{@code
 * TrustedProxies proxies = TrustedProxies.parse("127.0.0.1, 10.0.0.0/8");
 * String client = proxies.clientAddress(request);
 * }</pre>
 */
public final class TrustedProxies {

    private static final Pattern IP_TEXT = Pattern.compile("[0-9A-Fa-f:][0-9A-Fa-f:.]{1,44}");

    private record Range(byte[] network, int bits) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = bits / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (address[full] & mask) == (network[full] & mask);
        }
    }

    private static final TrustedProxies NONE = new TrustedProxies(List.of(), "");

    private final List<Range> ranges;
    private final String text;

    private TrustedProxies(List<Range> ranges, String text) {
        this.ranges = List.copyOf(ranges);
        this.text = text;
    }

    /** No proxy is trusted: the client is always the connection's address. */
    public static TrustedProxies none() {
        return NONE;
    }

    /**
     * Reads a {@code TRUSTED_PROXIES} setting: addresses and CIDR ranges separated by commas or spaces
     * ({@code 127.0.0.1, ::1, 10.0.0.0/8}). Names are not accepted (nothing is looked up).
     *
     * @throws IllegalArgumentException naming the entry that is not an address or range
     */
    public static TrustedProxies parse(String setting) {
        if (setting == null || setting.isBlank()) {
            return NONE;
        }
        List<Range> ranges = new ArrayList<>();
        for (String entry : setting.strip().split("[,\\s]+")) {
            if (entry.isEmpty()) {
                continue;
            }
            int slash = entry.indexOf('/');
            String address = slash < 0 ? entry : entry.substring(0, slash);
            byte[] bytes = literal(address).orElseThrow(() -> new IllegalArgumentException(
                    "«" + entry + "» er ikke en IP-adresse eller et nettverk (som 10.0.0.0/8)"));
            int bits = bytes.length * 8;
            if (slash >= 0) {
                try {
                    bits = Integer.parseInt(entry.substring(slash + 1));
                } catch (NumberFormatException e) {
                    bits = -1;
                }
                if (bits < 0 || bits > bytes.length * 8) {
                    throw new IllegalArgumentException("«" + entry + "» har en ugyldig nettverksmaske");
                }
            }
            ranges.add(new Range(bytes, bits));
        }
        return new TrustedProxies(ranges, String.join(", ", setting.strip().split("[,\\s]+")));
    }

    /** Whether the address (a literal; brackets and a port are allowed) is a trusted proxy. */
    public boolean trusts(String address) {
        Optional<byte[]> bytes = literal(strip(address));
        return bytes.isPresent() && ranges.stream().anyMatch(r -> r.contains(bytes.get()));
    }

    /** Whether the request carries any forwarding header ({@code X-Forwarded-For}, {@code Forwarded}, {@code X-Real-IP}). */
    public static boolean forwarded(HttpRequest request) {
        return request.header("X-Forwarded-For").isPresent() || request.header("Forwarded").isPresent()
                || request.header("X-Real-IP").isPresent();
    }

    /** The client's address as this rule sees it (not normalised beyond brackets and a port). */
    public String clientAddress(HttpRequest request) {
        String peer = request.remoteAddress();
        if (!trusts(peer)) {
            return peer;
        }
        List<String> chain = chain(request);
        for (int i = chain.size() - 1; i >= 0; i--) {
            String hop = strip(chain.get(i));
            if (!trusts(hop)) {
                return hop;
            }
        }
        /* Every hop is a trusted proxy: the first one is the client. */
        return chain.isEmpty() ? peer : strip(chain.get(0));
    }

    /* The forwarded chain, left (client) to right (nearest proxy), from the first header that has one. */
    private static List<String> chain(HttpRequest request) {
        List<String> xff = entries(request.headers().getOrDefault("X-Forwarded-For", List.of()));
        if (!xff.isEmpty()) {
            return xff;
        }
        List<String> forwarded = new ArrayList<>();
        for (String element : entries(request.headers().getOrDefault("Forwarded", List.of()))) {
            for (String pair : element.split(";")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && pair.substring(0, eq).strip().equalsIgnoreCase("for")) {
                    String value = pair.substring(eq + 1).strip().replace("\"", "");
                    if (!value.isEmpty()) {
                        forwarded.add(value);
                    }
                }
            }
        }
        if (!forwarded.isEmpty()) {
            return forwarded;
        }
        return entries(request.headers().getOrDefault("X-Real-IP", List.of()));
    }

    private static List<String> entries(List<String> headers) {
        List<String> entries = new ArrayList<>();
        for (String header : headers) {
            for (String entry : header.split(",")) {
                if (!entry.isBlank()) {
                    entries.add(entry.strip());
                }
            }
        }
        return entries;
    }

    /* "203.0.113.7:5123" -> "203.0.113.7"; "[2001:db8::1]:443" -> "2001:db8::1". */
    private static String strip(String address) {
        String a = address == null ? "" : address.strip();
        if (a.startsWith("[")) {
            int end = a.indexOf(']');
            return end > 0 ? a.substring(1, end) : a.substring(1);
        }
        if (a.indexOf(':') > 0 && a.indexOf(':') == a.lastIndexOf(':') && a.indexOf('.') > 0) {
            return a.substring(0, a.indexOf(':'));
        }
        return a;
    }

    /* Only literals are parsed, so that no name is ever looked up in DNS. */
    private static Optional<byte[]> literal(String text) {
        String a = text == null ? "" : text.strip();
        int zone = a.indexOf('%');
        if (zone > 0) {
            a = a.substring(0, zone);
        }
        if (!IP_TEXT.matcher(a).matches()) {
            return Optional.empty();
        }
        if (a.indexOf(':') < 0 && !a.matches("\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}")) {
            return Optional.empty();
        }
        try {
            byte[] bytes = InetAddress.getByName(a).getAddress();
            /* ::ffff:a.b.c.d is the IPv4 address */
            return Optional.of(bytes);
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return text.isEmpty() ? "TrustedProxies[none]" : "TrustedProxies[" + text + "]";
    }
}
