package no.folkevalgt.teams;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads the Adaptive Card out of an activity the fake connector recorded, and checks it against the
 * parts of the Adaptive Card schema (version 1.4, the one {@link Cards} declares) that the adapter
 * uses: which elements may appear (a prompt's answer field and a member's refresh among them), with
 * which properties and values. Not a full schema validation,
 * but anything the adapter emits outside this subset fails it.
 */
final class CardJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    /* Schema 1.4: the properties of each type the adapter uses (a subset of what the schema allows). */
    private static final Set<String> CARD = Set.of("$schema", "type", "version", "fallbackText", "body", "actions", "refresh");
    private static final Map<String, Set<String>> ELEMENTS = Map.of(
            "RichTextBlock", Set.of("type", "inlines", "separator", "spacing"),
            "Image", Set.of("type", "url", "altText", "size"),
            "Container", Set.of("type", "items", "style", "separator", "spacing"),
            /* label, isRequired and errorMessage: 1.3. */
            "Input.Text", Set.of("type", "id", "label", "placeholder", "isMultiline", "maxLength", "value",
                    "isRequired", "errorMessage"));
    private static final Set<String> CONTAINER_STYLES = Set.of("default", "emphasis", "good", "attention", "warning", "accent");
    private static final Set<String> TEXT_RUN = Set.of("type", "text", "weight", "isSubtle", "italic", "size");
    private static final Set<String> EXECUTE = Set.of("type", "title", "verb", "data");
    private static final Set<String> WEIGHTS = Set.of("Default", "Lighter", "Bolder");
    private static final Set<String> TEXT_SIZES = Set.of("Default", "Small", "Medium", "Large", "ExtraLarge");
    private static final Set<String> SPACINGS = Set.of("Default", "None", "Small", "Medium", "Large", "ExtraLarge", "Padding");
    private static final Set<String> IMAGE_SIZES = Set.of("Auto", "Stretch", "Small", "Medium", "Large");

    private CardJson() {
    }

    /** The card in a recorded activity (its first attachment), after checking the attachment's type. */
    static JsonNode card(String activityJson) throws Exception {
        JsonNode attachment = JSON.readTree(activityJson).path("attachments").path(0);
        assertThat(attachment.path("contentType").asText()).isEqualTo(Cards.CARD_TYPE);
        return attachment.path("content");
    }

    /**
     * The one card among these recorded activities: a private reply to a channel message goes to the
     * member's personal chat (after the connector opened it), with a plain-text note in the thread.
     */
    static JsonNode onlyCard(List<no.folkevalgt.testsupport.FakeMicrosoft.Recorded> sent) throws Exception {
        List<JsonNode> cards = new ArrayList<>();
        for (no.folkevalgt.testsupport.FakeMicrosoft.Recorded r : sent) {
            if (JSON.readTree(r.body()).path("attachments").isArray()) {
                cards.add(card(r.body()));
            }
        }
        assertThat(cards).as("cards among %s", sent).hasSize(1);
        return cards.get(0);
    }

    /** Every TextRun in the card's body, in order, those inside containers included. */
    static List<JsonNode> runs(JsonNode card) {
        List<JsonNode> runs = new ArrayList<>();
        collectRuns(card.path("body"), runs);
        return runs;
    }

    private static void collectRuns(JsonNode elements, List<JsonNode> runs) {
        for (JsonNode element : elements) {
            for (JsonNode inline : element.path("inlines")) {
                runs.add(inline);
            }
            collectRuns(element.path("items"), runs);
        }
    }

    /** The text of one body element: its runs' texts joined. */
    static String text(JsonNode element) {
        StringBuilder text = new StringBuilder();
        for (JsonNode inline : element.path("inlines")) {
            text.append(inline.path("text").asText());
        }
        return text.toString();
    }

    /**
     * Where in the card (or any part of it) a string value containing {@code needle} sits, as
     * "type.field" of the object holding it: {@code TextRun.text}, {@code AdaptiveCard.fallbackText},
     * {@code Image.altText}; an object without a type is named by its own field, as {@code data.question}.
     */
    static List<String> placesOf(JsonNode node, String needle) {
        List<String> places = new ArrayList<>();
        collect(node, "(root)", needle, places);
        return places;
    }

    private static void collect(JsonNode node, String name, String needle, List<String> places) {
        if (node.isObject()) {
            String type = node.path("type").isTextual() ? node.path("type").asText() : name;
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (field.getValue().isTextual() && field.getValue().asText().contains(needle)) {
                    places.add(type + "." + field.getKey());
                } else {
                    collect(field.getValue(), field.getKey(), needle, places);
                }
            }
        } else if (node.isArray()) {
            for (JsonNode child : node) {
                collect(child, name, needle, places);
            }
        }
    }

    /**
     * Fails unless the card is valid by Microsoft's Adaptive Cards schema of its version
     * ({@link CardSchema}) and keeps to the schema-1.4 subset above, no TextBlock anywhere: every test
     * that checks a card this way (the invoke responses' per-user cards among them) checks the schema too.
     */
    static void assertValid(JsonNode card) {
        CardSchema.assertValid("card", card);
        assertThat(card.path("type").asText()).isEqualTo("AdaptiveCard");
        assertThat(card.path("version").asText()).isEqualTo(Cards.VERSION);
        assertThat(fieldNames(card)).isSubsetOf(CARD);
        assertThat(card.path("body").isArray() && !card.path("body").isEmpty()).as("a non-empty body").isTrue();
        assertThat(card.findValues("type")).extracting(JsonNode::asText).as("no TextBlock: its text is Markdown")
                .doesNotContain("TextBlock");
        assertValidElements(card.path("body"));
        for (JsonNode action : card.path("actions")) {
            assertThat(action.path("type").asText()).isEqualTo("Action.Execute");
            assertThat(fieldNames(action)).isSubsetOf(EXECUTE);
            assertThat(action.path("title").asText()).isNotBlank();
            assertThat(action.path("verb").asText()).isNotBlank();
            assertThat(action.path("data").isObject()).isTrue();
        }
        if (card.has("refresh")) {
            /* 1.4: refresh with an Action.Execute and the users it is for. */
            JsonNode refresh = card.path("refresh");
            assertThat(fieldNames(refresh)).isSubsetOf(Set.of("action", "userIds", "expires"));
            assertThat(refresh.path("action").path("type").asText()).isEqualTo("Action.Execute");
            assertThat(fieldNames(refresh.path("action"))).isSubsetOf(EXECUTE);
            assertThat(refresh.path("userIds").isArray()).isTrue();
            refresh.path("userIds").forEach(id -> assertThat(id.isTextual() && !id.asText().isBlank()).isTrue());
        }
    }

    private static void assertValidElements(JsonNode elements) {
        for (JsonNode element : elements) {
            String type = element.path("type").asText();
            assertThat(ELEMENTS).as("element %s", element).containsKey(type);
            assertThat(fieldNames(element)).as("properties of %s", element).isSubsetOf(ELEMENTS.get(type));
            if (element.has("separator")) {
                assertThat(element.path("separator").isBoolean()).isTrue();
            }
            if (element.has("spacing")) {
                assertThat(element.path("spacing").asText()).isIn(SPACINGS);
            }
            if (type.equals("RichTextBlock")) {
                assertThat(element.path("inlines").isArray() && !element.path("inlines").isEmpty())
                        .as("inlines of %s", element).isTrue();
                element.path("inlines").forEach(CardJson::assertValidRun);
            } else if (type.equals("Container")) {
                assertThat(element.path("items").isArray() && !element.path("items").isEmpty())
                        .as("items of %s", element).isTrue();
                if (element.has("style")) {
                    assertThat(element.path("style").asText()).isIn(CONTAINER_STYLES);
                }
                assertValidElements(element.path("items"));
            } else if (type.equals("Input.Text")) {
                assertThat(element.path("id").asText()).isNotBlank();
                assertThat(element.path("label").asText()).isNotBlank();
                for (String flag : List.of("isMultiline", "isRequired")) {
                    if (element.has(flag)) {
                        assertThat(element.path(flag).isBoolean()).as("%s of %s", flag, element).isTrue();
                    }
                }
                if (element.has("maxLength")) {
                    assertThat(element.path("maxLength").isInt() && element.path("maxLength").asInt() > 0).isTrue();
                }
                if (element.has("value")) {
                    assertThat(element.path("value").isTextual()).isTrue();
                }
            } else {
                assertThat(element.path("url").asText()).startsWith("data:image/");
                assertThat(element.path("altText").isTextual()).isTrue();
                assertThat(element.path("size").asText()).isIn(IMAGE_SIZES);
            }
        }
    }

    private static void assertValidRun(JsonNode run) {
        assertThat(run.path("type").asText()).as("inline %s", run).isEqualTo("TextRun");
        assertThat(fieldNames(run)).as("properties of %s", run).isSubsetOf(TEXT_RUN);
        assertThat(run.path("text").isTextual() && !run.path("text").asText().isEmpty()).as("text of %s", run).isTrue();
        if (run.has("weight")) {
            assertThat(run.path("weight").asText()).isIn(WEIGHTS);
        }
        if (run.has("size")) {
            assertThat(run.path("size").asText()).isIn(TEXT_SIZES);
        }
        for (String flag : List.of("isSubtle", "italic")) {
            if (run.has(flag)) {
                assertThat(run.path(flag).isBoolean()).as("%s of %s", flag, run).isTrue();
            }
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
