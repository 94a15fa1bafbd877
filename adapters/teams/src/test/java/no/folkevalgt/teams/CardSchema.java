package no.folkevalgt.teams;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;

/**
 * Validates an Adaptive Card against the official Adaptive Cards JSON schema of the version the card
 * declares: the schema files are kept byte for byte in {@code src/test/resources/adaptivecards}
 * (see the README there for where they come from). The schema is strict: no unknown element, action or
 * property is allowed anywhere, so a typo or a host extension (Teams' {@code msteams}) fails it.
 */
final class CardSchema {

    /** The versions a schema is kept for, and the official address each is published at. */
    static final Map<String, String> VERSIONS = Map.of(
            "1.4", "https://adaptivecards.io/schemas/1.4.0/adaptive-card.json",
            "1.5", "https://adaptivecards.io/schemas/1.5.0/adaptive-card.json",
            "1.6", "https://adaptivecards.io/schemas/1.6.0/adaptive-card.json");

    private static final ObjectMapper JSON = new ObjectMapper();
    /*
     * The schema declares draft-06 in its $schema; the validator ships that meta-schema, so nothing is
     * fetched. The schema also names itself with the draft-04 keyword "id", which draft-06 replaced by
     * "$id": it is no keyword in draft-06, so it is read as one that validates nothing (json-schema-validator
     * 2.0.8 otherwise refuses the schema: "No suitable validator for id"). The schema's own annotations
     * (the version a property came in, the feature it belongs to, an example) validate nothing either.
     * Formats (uri, uri-reference) are checked; messages are in English whatever the default locale.
     */
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDialect(Dialect.builder(Dialects.getDraft6())
                    .keywords(Stream.of("id", "version", "features", "example").map(NonValidationKeyword::new).toList())
                    .build(),
            registry -> registry.schemaRegistryConfig(SchemaRegistryConfig.builder()
                    .locale(Locale.ENGLISH).formatAssertionsEnabled(true).build()));
    private static final Map<String, Schema> LOADED = new ConcurrentHashMap<>();

    /* An anyOf branch (one element or action type) that a node fails on its "type" alone: not the type it is. */
    private static final Pattern BRANCH = Pattern.compile("^(.*/anyOf/\\d+)/allOf/0/\\$ref/properties/type/enum$");

    private CardSchema() {
    }

    /** The schema of a version, from test resources; fails clearly for a version no schema is kept for. */
    static Schema forVersion(String version) {
        if (!VERSIONS.containsKey(version)) {
            throw new AssertionError("The card declares Adaptive Cards version \"" + version + "\", but no schema is kept for it"
                    + " (there are " + VERSIONS.keySet().stream().sorted().toList() + "): add the official"
                    + " schemas/<version>/adaptive-card.json to src/test/resources/adaptivecards and to CardSchema.VERSIONS.");
        }
        return LOADED.computeIfAbsent(version, v -> {
            String resource = "adaptivecards/adaptive-card-" + v + ".json";
            try (InputStream in = CardSchema.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new AssertionError("missing test resource " + resource);
                }
                return REGISTRY.getSchema(SchemaLocation.of(VERSIONS.get(v)), JSON.readTree(in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * What is wrong with the card by the schema of the version it declares, one line per problem: where
     * in the card, the schema keyword, the message. Empty when the card is valid.
     */
    static List<String> problems(JsonNode card) {
        JsonNode version = card.path("version");
        if (!version.isTextual()) {
            return List.of("(root): the card declares no \"version\" (a string is required on a top-level card)");
        }
        List<Error> errors = forVersion(version.asText()).validate(card);
        return describe(errors);
    }

    /** Fails, naming each property that is wrong, unless the card is valid by the schema of its version. */
    static void assertValid(String name, JsonNode card) {
        List<String> problems = problems(card);
        if (!problems.isEmpty()) {
            throw new AssertionError("Card \"" + name + "\" (version " + card.path("version").asText("?")
                    + ") is not valid by the Adaptive Cards schema:\n  " + String.join("\n  ", problems)
                    + "\nCard: " + abbreviated(card));
        }
    }

    /*
     * The validator reports every branch of the schema's anyOf over element (or action) types that a node
     * failed. A node fails all but one of them on its "type" alone; those branches are dropped, so what is
     * left is the problem within the type the node says it is. A node of an unknown type fails every
     * branch on its type: then the type mismatches are all there is, and they are kept, one line per node.
     */
    private static List<String> describe(List<Error> errors) {
        Set<String> wrongType = new HashSet<>();
        for (Error e : errors) {
            Matcher m = BRANCH.matcher(String.valueOf(e.getEvaluationPath()));
            if (m.matches()) {
                wrongType.add(m.group(1) + "/");
            }
        }
        List<String> kept = new ArrayList<>();
        for (Error e : errors) {
            String path = String.valueOf(e.getEvaluationPath());
            if (wrongType.stream().noneMatch(path::startsWith)) {
                kept.add(line(e));
            }
        }
        if (!kept.isEmpty()) {
            return kept;
        }
        List<String> unknown = new ArrayList<>();
        for (Error e : errors) {
            if (!BRANCH.matcher(String.valueOf(e.getEvaluationPath())).matches()) {
                continue;
            }
            String line = where(e.getInstanceLocation().getParent()) + ": \"" + e.getInstanceNode().asText()
                    + "\" is no type the schema knows here (it fails every allowed type)";
            if (!unknown.contains(line)) {
                unknown.add(line);
            }
        }
        return unknown;
    }

    private static String line(Error e) {
        return where(e.getInstanceLocation()) + " [" + e.getKeyword() + "] " + e.getMessage()
                + " (schema: " + e.getEvaluationPath() + ")";
    }

    /* A JSON pointer into the card; the card itself is "(root)". */
    private static String where(Object location) {
        String pointer = String.valueOf(location);
        return pointer.isEmpty() ? "(root)" : pointer;
    }

    private static String abbreviated(JsonNode card) {
        String text = card.toString();
        return text.length() <= 2_000 ? text : text.substring(0, 2_000) + "… (" + text.length() + " characters)";
    }
}
