package no.folkevalgt.testsupport;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code conversations.history} as Slack documents it, for the fake Web APIs on loopback ({@link FakeSlackApi}
 * and the reliability harness's {@code FakeSlack}):
 * a channel's top-level messages between {@code oldest} and {@code latest} (exclusive unless
 * {@code inclusive=true}), newest first, at most {@code limit} (default 100, at most 999), the rest
 * behind {@code response_metadata.next_cursor} (base64 of {@code next_ts:<ts without its dot>}, as
 * Slack's read); metadata only with {@code include_all_metadata=true}.
 *
 * @param <M> the fake's own message type
 */
public final class FakeHistory<M> {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Function<M, String> ts;
    private final Function<M, String> threadTs;
    private final BiFunction<M, Boolean, JsonNode> json;

    /**
     * @param ts       a message's ts ("1764150000.000123")
     * @param threadTs the ts of the thread it replies in, or null for a top-level message
     * @param json     the message as Slack shows it, with its metadata when the flag is true
     */
    public FakeHistory(Function<M, String> ts, Function<M, String> threadTs, BiFunction<M, Boolean, JsonNode> json) {
        this.ts = ts;
        this.threadTs = threadTs;
        this.json = json;
    }

    /**
     * The answer's JSON.
     *
     * @param channelMessages every message of the channel asked for, in any order
     * @param form            the request's fields
     * @param nowTs           the ts of now, the default {@code latest}
     */
    public String answer(List<M> channelMessages, Map<String, String> form, String nowTs) {
        BigDecimal oldest;
        BigDecimal latest;
        int limit;
        try {
            oldest = new BigDecimal(form.getOrDefault("oldest", "0"));
            latest = new BigDecimal(form.getOrDefault("latest", nowTs));
            limit = Integer.parseInt(form.getOrDefault("limit", "100"));
        } catch (NumberFormatException e) {
            return "{\"ok\":false,\"error\":\"invalid_arguments\"}";
        }
        limit = limit <= 0 ? 100 : Math.min(999, limit);
        boolean inclusive = isTrue(form.get("inclusive"));
        BigDecimal upTo = null;
        String cursor = form.get("cursor");
        if (cursor != null && !cursor.isEmpty()) {
            try {
                String decoded = new String(Base64.getDecoder().decode(cursor), StandardCharsets.UTF_8);
                if (!decoded.startsWith("next_ts:")) {
                    throw new IllegalArgumentException(decoded);
                }
                upTo = new BigDecimal(decoded.substring("next_ts:".length())).movePointLeft(6);
            } catch (IllegalArgumentException e) {
                return "{\"ok\":false,\"error\":\"invalid_cursor\"}";
            }
        }
        BigDecimal before = upTo;
        List<M> matching = channelMessages.stream()
                .filter(m -> threadTs.apply(m) == null || threadTs.apply(m).equals(ts.apply(m)))
                .filter(m -> {
                    BigDecimal at = new BigDecimal(ts.apply(m));
                    int o = at.compareTo(oldest);
                    int l = at.compareTo(latest);
                    return (inclusive ? o >= 0 && l <= 0 : o > 0 && l < 0) && (before == null || at.compareTo(before) <= 0);
                })
                .sorted(Comparator.comparing((M m) -> new BigDecimal(ts.apply(m))).reversed())
                .toList();
        boolean withMetadata = isTrue(form.get("include_all_metadata"));
        ObjectNode answer = JSON.createObjectNode().put("ok", true);
        ArrayNode messages = answer.putArray("messages");
        matching.stream().limit(limit).forEach(m -> messages.add(json.apply(m, withMetadata)));
        boolean more = matching.size() > limit;
        answer.put("has_more", more).put("pin_count", 0).putNull("channel_actions_ts").put("channel_actions_count", 0);
        if (more) {
            String next = "next_ts:" + ts.apply(matching.get(limit)).replace(".", "");
            answer.putObject("response_metadata").put("next_cursor",
                    Base64.getEncoder().encodeToString(next.getBytes(StandardCharsets.UTF_8)));
        }
        return answer.toString();
    }

    /** How the Slack SDK sends booleans in a form: "1" or "true". */
    public static boolean isTrue(String value) {
        return "true".equals(value) || "1".equals(value);
    }
}
