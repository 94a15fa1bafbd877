package no.folkevalgt.slack;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import no.folkevalgt.testsupport.FakeSlackApi;

/**
 * Requests as Slack sends them: payloads shaped like the documented ones, signed with v0 =
 * HMAC-SHA256 of {@code v0:timestamp:body} under the signing secret.
 */
final class SlackRequests {

    static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String url;
    private final String secret;

    SlackRequests(String url, String secret) {
        this.url = url;
        this.secret = secret;
    }

    /** The v0 signature Slack puts in X-Slack-Signature. */
    static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8));
            return "v0=" + HexFormat.of().formatHex(digest);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static long now() {
        return System.currentTimeMillis() / 1000;
    }

    HttpResponse<String> signed(String body, String contentType) throws IOException, InterruptedException {
        return send(body, contentType, now(), secret, Map.of());
    }

    HttpResponse<String> send(String body, String contentType, long timestamp, String signWith,
                              Map<String, String> extra) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", contentType)
                .header("User-Agent", "Slackbot 1.0 (+https://api.slack.com/robots)")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (signWith != null) {
            request.header("X-Slack-Request-Timestamp", Long.toString(timestamp));
            request.header("X-Slack-Signature", sign(signWith, timestamp, body));
        }
        extra.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static final String JSON = "application/json";
    static final String FORM = "application/x-www-form-urlencoded";

    // ---- Payloads, shaped like Slack's documentation ----

    static String urlVerification(String challenge) {
        return "{\"token\":\"Jhj5dZrVaK7ZwHHjRyZWjbDl\",\"challenge\":\"" + challenge + "\",\"type\":\"url_verification\"}";
    }

    static String appMention(String eventId, String channel, String user, String text, String ts) {
        return eventCallback(eventId, "{\"type\":\"app_mention\",\"user\":\"" + user + "\",\"text\":" + quote(text)
                + ",\"ts\":\"" + ts + "\",\"channel\":\"" + channel + "\",\"event_ts\":\"" + ts + "\"}", "app_mention");
    }

    /** A mention posted in the thread of the message {@code threadTs}. */
    static String appMentionInThread(String eventId, String channel, String user, String text, String ts, String threadTs) {
        return eventCallback(eventId, "{\"type\":\"app_mention\",\"user\":\"" + user + "\",\"text\":" + quote(text)
                + ",\"ts\":\"" + ts + "\",\"thread_ts\":\"" + threadTs + "\",\"channel\":\"" + channel
                + "\",\"event_ts\":\"" + ts + "\"}", "app_mention");
    }

    static String directMessage(String eventId, String channel, String user, String text, String ts) {
        return eventCallback(eventId, "{\"type\":\"message\",\"channel\":\"" + channel + "\",\"user\":\"" + user
                + "\",\"text\":" + quote(text) + ",\"ts\":\"" + ts + "\",\"event_ts\":\"" + ts
                + "\",\"channel_type\":\"im\"}", "message");
    }

    private static String eventCallback(String eventId, String event, String type) {
        return "{\"token\":\"XXYYZZ\",\"team_id\":\"T0001\",\"api_app_id\":\"A0001\",\"event\":" + event
                + ",\"type\":\"event_callback\",\"event_id\":\"" + eventId + "\",\"event_time\":" + now()
                + ",\"authorizations\":[{\"enterprise_id\":null,\"team_id\":\"T0001\",\"user_id\":\"UBOT\","
                + "\"is_bot\":true,\"is_enterprise_install\":false}],\"is_ext_shared_channel\":false,"
                + "\"event_context\":\"4-eyJldCI6ImFwcF9tZW50aW9uIn0\"}";
    }

    static String slashCommand(String command, String text, String user, String channel, String triggerId,
                               String responseUrl) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("token", "gIkuvaNzQIHg97ATvDxqgjtO");
        fields.put("team_id", "T0001");
        fields.put("team_domain", "rakkestad");
        fields.put("channel_id", channel);
        fields.put("channel_name", "folkevalgtprogrammet");
        fields.put("user_id", user);
        fields.put("user_name", "kari");
        fields.put("command", command);
        fields.put("text", text);
        fields.put("api_app_id", "A0001");
        fields.put("is_enterprise_install", "false");
        fields.put("response_url", responseUrl);
        fields.put("trigger_id", triggerId);
        return form(fields);
    }

    static String blockAction(String actionId, String value, String user, String channel, String responseUrl) {
        return blockAction(actionId, value, user, channel, responseUrl, "13345224609.738474920.8088930838d88f008e0");
    }

    /** A click on a button in a channel message; each click has its own trigger id, as in Slack. */
    static String blockAction(String actionId, String value, String user, String channel, String responseUrl,
                              String triggerId) {
        String payload = "{\"type\":\"block_actions\",\"user\":{\"id\":\"" + user + "\",\"username\":\"kari\","
                + "\"name\":\"kari\",\"team_id\":\"T0001\"},\"api_app_id\":\"A0001\",\"token\":\"XXYYZZ\","
                + "\"container\":{\"type\":\"message\",\"message_ts\":\"1700000000.000300\",\"channel_id\":\""
                + channel + "\",\"is_ephemeral\":true},\"trigger_id\":\"" + triggerId + "\","
                + "\"team\":{\"id\":\"T0001\",\"domain\":\"rakkestad\"},\"enterprise\":null,"
                + "\"is_enterprise_install\":false,\"channel\":{\"id\":\"" + channel + "\",\"name\":\"folkevalgt\"},"
                + "\"state\":{\"values\":{}},\"response_url\":\"" + responseUrl + "\","
                + "\"actions\":[{\"action_id\":\"" + actionId + "\",\"block_id\":\"b1\",\"text\":{\"type\":"
                + "\"plain_text\",\"text\":\"knapp\",\"emoji\":true},\"value\":" + quote(value)
                + ",\"type\":\"button\",\"action_ts\":\"1700000001.000100\"}]}";
        return "payload=" + URLEncoder.encode(payload, StandardCharsets.UTF_8);
    }

    /**
     * A modal submitted as Slack sends it: the view as views.open answered it (with its id), its input
     * block's field holding {@code answer}, by {@code user}.
     */
    static String viewSubmission(JsonNode view, String user, String answer) {
        return viewSubmission(view, user, view.path("private_metadata").asText(), answer);
    }

    /** As {@link #viewSubmission(JsonNode, String, String)}, with the view's private_metadata replaced. */
    static String viewSubmission(JsonNode view, String user, String privateMetadata, String answer) {
        ObjectNode submitted = view.deepCopy();
        submitted.put("private_metadata", privateMetadata);
        JsonNode input = null;
        for (JsonNode block : view.path("blocks")) {
            if (block.path("type").asText().equals("input")) {
                input = block;
            }
        }
        ObjectNode values = FakeSlackApi.JSON.createObjectNode();
        if (input != null) {
            ObjectNode field = FakeSlackApi.JSON.createObjectNode();
            field.set(input.path("element").path("action_id").asText(), FakeSlackApi.JSON.createObjectNode()
                    .put("type", input.path("element").path("type").asText()).put("value", answer));
            values.set(input.path("block_id").asText(), field);
        }
        submitted.set("state", FakeSlackApi.JSON.createObjectNode().set("values", values));
        submitted.put("root_view_id", view.path("id").asText()).put("app_id", "A0001").put("bot_id", "BBOT")
                .put("app_installed_team_id", "T0001").putNull("previous_view_id");
        ObjectNode payload = FakeSlackApi.JSON.createObjectNode().put("type", "view_submission");
        payload.putObject("team").put("id", "T0001").put("domain", "rakkestad");
        payload.putObject("user").put("id", user).put("username", "kari").put("name", "kari").put("team_id", "T0001");
        payload.put("api_app_id", "A0001").put("token", "XXYYZZ")
                .put("trigger_id", "13345224609.738474920.submit" + Math.abs(answer.hashCode()));
        payload.set("view", submitted);
        payload.putArray("response_urls");
        payload.put("is_enterprise_install", false).putNull("enterprise");
        return "payload=" + URLEncoder.encode(payload.toString(), StandardCharsets.UTF_8);
    }

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    static String quote(String text) {
        try {
            return FakeSlackApi.JSON.writeValueAsString(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
