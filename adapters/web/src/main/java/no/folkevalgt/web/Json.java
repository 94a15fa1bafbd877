package no.folkevalgt.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import no.folkevalgt.core.http.HttpResponse;
import no.folkevalgt.core.port.Citation;
import no.folkevalgt.core.port.Reply;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** JSON in and out, and a {@link Reply} as the pages render it. */
final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static HttpResponse response(int status, Object value) {
        try {
            return HttpResponse.json(status, MAPPER.writeValueAsString(value)).withHeader("Cache-Control", "no-store")
                    .withHeader("X-Content-Type-Options", "nosniff");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write JSON", e);
        }
    }

    /** The body as a JSON object, or empty when it is not one. */
    static Optional<JsonNode> object(String body) {
        try {
            JsonNode node = MAPPER.readTree(body);
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isTextual() ? "" : value.asText();
    }

    /**
     * A reply as the pages render it: {@code blocks}, {@code suggestions} (each with {@code title},
     * {@code slide}, {@code source}, {@code material} and {@code excerpt}), {@code closing} (text after the
     * suggestions), {@code citations} and {@code seeAlso} (each with {@code title}, {@code slide},
     * {@code source} (the file, for the bot's own use), {@code material} (the material's title as users
     * see it cited, or the file when it has none), and
     * {@code section} when the title says little on its own; suggestions carry it too),
     * {@code actions} ({@code id}, {@code label}, {@code value}), {@code image} ({@code src} as a data
     * URL, {@code alt}) or null, {@code ephemeral}.
     */
    static Map<String, Object> reply(Reply reply) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("blocks", reply.blocks());
        List<Map<String, Object>> suggestions = new ArrayList<>();
        for (Reply.Suggestion suggestion : reply.suggestions()) {
            Map<String, Object> s = citation(suggestion.citation());
            s.put("excerpt", suggestion.excerpt());
            suggestions.add(s);
        }
        out.put("suggestions", suggestions);
        out.put("closing", reply.closing());
        out.put("citations", citations(reply.citations()));
        out.put("seeAlso", citations(reply.seeAlso()));
        List<Map<String, Object>> actions = new ArrayList<>();
        for (Reply.Action action : reply.actions()) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("id", action.id());
            a.put("label", action.label());
            a.put("value", action.value());
            actions.add(a);
        }
        out.put("actions", actions);
        if (reply.image() != null) {
            Map<String, Object> image = new LinkedHashMap<>();
            image.put("src", "data:" + reply.image().mediaType() + ";base64,"
                    + Base64.getEncoder().encodeToString(reply.image().bytes()));
            image.put("alt", reply.image().altText());
            out.put("image", image);
        } else {
            out.put("image", null);
        }
        out.put("ephemeral", reply.ephemeral());
        return out;
    }

    static List<Map<String, Object>> citations(List<Citation> citations) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Citation c : citations) {
            out.add(citation(c));
        }
        return out;
    }

    private static Map<String, Object> citation(Citation c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", c.title());
        m.put("slide", c.slide());
        m.put("source", c.source());
        m.put("material", c.materialName());
        if (!c.section().isEmpty()) {
            m.put("section", c.section());
        }
        return m;
    }
}
