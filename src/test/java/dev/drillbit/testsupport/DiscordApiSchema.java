package dev.drillbit.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.drillbit.playground.RecordedRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Discord's OpenAPI 3.1 description (test resource {@code discord-api/openapi.json}) as an oracle for
 * request bodies: finds the operation of a method and path, takes its request body schema and validates
 * with JSON Schema 2020-12.
 *
 * <p>Two readings of the spec, from its README, are applied: an {@code anyOf} marked
 * {@code "x-discord-union": "oneOf"} means exactly one of, so it is validated as {@code oneOf}; and where
 * the schema says {@code integer} but the body holds an int-parseable string (JDA sends command
 * {@code contexts} and {@code integration_types} as {@code ["0","1"]}, and a command's
 * {@code default_member_permissions} as {@code "32"} where the spec says integer or null), that one value is coerced to a
 * number and the body validated again, since Discord accepts it; likewise a non-negative JSON integer
 * where the schema wants a {@code SnowflakeType} string (JDA sends {@code attachments[].id} as a number).
 * Only values the validator reported at exactly those places are coerced; nothing else is loosened.
 * One union is ambiguous by design and resolved to its execution branch, see {@link #AMBIGUOUS_UNIONS}.
 *
 * <p>The 1.2 MB spec is parsed once per JVM ({@link #get()}); compiled schemas are cached per operation.
 * Thread-safe.
 */
public final class DiscordApiSchema {
    private static final String SPEC_IRI = "https://discord.local/openapi.json";
    private static final DiscordApiSchema INSTANCE = new DiscordApiSchema();

    private record Operation(String method, String template, Pattern pattern, int literalLength) {}

    private final JsonNode spec;
    private final List<Operation> operations = new ArrayList<>();
    private final JsonSchemaFactory factory;
    private final SchemaValidatorsConfig config =
            SchemaValidatorsConfig.builder().build();
    private final Map<String, Optional<JsonSchema>> schemas = new ConcurrentHashMap<>();

    private DiscordApiSchema() {
        ObjectMapper mapper = new ObjectMapper();
        try (InputStream in = DiscordApiSchema.class.getResourceAsStream("/discord-api/openapi.json")) {
            if (in == null) {
                throw new IllegalStateException("test resource discord-api/openapi.json is missing");
            }
            ObjectNode document = (ObjectNode) mapper.readTree(in);
            applyReadings(document);
            this.spec = document;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        spec.path("paths").fields().forEachRemaining(path -> {
            for (String method : List.of("get", "put", "post", "patch", "delete")) {
                if (path.getValue().has(method)) {
                    String template = path.getKey();
                    String regex = Pattern.quote(template).replaceAll("\\{[a-z_]+}", "\\\\E[^/]+\\\\Q");
                    operations.add(new Operation(
                            method.toUpperCase(Locale.ROOT),
                            template,
                            Pattern.compile(regex),
                            template.replaceAll("\\{[a-z_]+}", "").length()));
                }
            }
        });
        operations.sort(Comparator.comparingInt(Operation::literalLength).reversed());
        String text = spec.toString();
        this.factory = JsonSchemaFactory.getInstance(
                SpecVersion.VersionFlag.V202012,
                builder -> builder.schemaLoaders(loaders -> loaders.schemas(Map.of(SPEC_IRI, text))));
    }

    public static DiscordApiSchema get() {
        return INSTANCE;
    }

    /** The spec's path template for a concrete path (relative to /api/v10), if any operation matches. */
    public Optional<String> route(String method, String path) {
        return operations.stream()
                .filter(op -> op.method.equals(method.toUpperCase(Locale.ROOT))
                        && op.pattern.matcher(path).matches())
                .map(Operation::template)
                .findFirst();
    }

    /** Violations of a recorded request; a request without a body is checked only for a known route. */
    public List<String> violations(RecordedRequest request) {
        String content = request.isMultipart() ? "multipart/form-data" : "application/json";
        return violations(
                request.method(), request.path(), content, request.body().orElse(null));
    }

    /**
     * Violations of a body sent to {@code method path}. For multipart bodies pass the parsed
     * {@code payload_json} and content type {@code multipart/form-data}.
     */
    public List<String> violations(String method, String path, String contentType, JsonNode body) {
        Optional<String> template = route(method, path);
        if (template.isEmpty()) {
            return List.of(method + " " + path + ": no such operation in Discord's API");
        }
        String where = method + " " + template.get();
        JsonNode operation = spec.path("paths").path(template.get()).path(method.toLowerCase(Locale.ROOT));
        JsonNode requestBody = operation.path("requestBody");
        if (body == null) {
            return requestBody.path("required").asBoolean(false)
                    ? List.of(where + ": request body required")
                    : List.of();
        }
        if (requestBody.isMissingNode()) {
            return List.of(where + ": takes no request body");
        }
        Optional<JsonSchema> schema = schemas.computeIfAbsent(
                method + " " + template.get() + " " + contentType, key -> compile(template.get(), method, contentType));
        if (schema.isEmpty()) {
            return List.of(where + ": no schema for " + contentType);
        }
        JsonNode candidate = body.deepCopy();
        Set<ValidationMessage> messages = schema.get().validate(candidate);
        // coerce int-parseable strings where an integer was expected, then look again (bounded)
        for (int round = 0; round < 8 && coerceIntegers(candidate, messages); round++) {
            messages = schema.get().validate(candidate);
        }
        List<String> out = new ArrayList<>();
        for (ValidationMessage message : messages) {
            out.add(where + ": " + message.getMessage());
        }
        return out;
    }

    private static boolean coerceIntegers(JsonNode root, Set<ValidationMessage> messages) {
        boolean changed = false;
        for (ValidationMessage message : messages) {
            if (!"type".equals(message.getType())) {
                continue;
            }
            JsonNode value = message.getInstanceNode();
            String location = message.getInstanceLocation().toString();
            // "integer expected", or "[integer, null] expected" for a nullable one (default_member_permissions)
            if ((message.getMessage().contains("integer expected")
                            || message.getMessage().contains("[integer, null] expected"))
                    && value != null
                    && value.isTextual()
                    && value.asText().matches("-?[0-9]{1,18}")) {
                changed |= replaceAt(root, location, LongNode.valueOf(Long.parseLong(value.asText())));
            } else if (message.getMessage().contains("string expected")
                    && String.valueOf(message.getSchemaLocation()).contains("/SnowflakeType")
                    && value != null
                    && value.isIntegralNumber()
                    && value.asLong() >= 0) {
                // an id sent as a JSON number (JDA: attachments[].id = 0) where the spec wants a snowflake string
                changed |= replaceAt(root, location, TextNode.valueOf(value.asText()));
            }
        }
        return changed;
    }

    /** Replaces the value at a location like {@code $.commands[0].contexts[1]} or {@code /0/contexts/1}. */
    private static boolean replaceAt(JsonNode root, String location, JsonNode replacement) {
        List<String> steps = new ArrayList<>();
        Matcher m = STEP.matcher(location);
        while (m.find()) {
            steps.add(m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3));
        }
        JsonNode parent = root;
        for (int i = 0; i < steps.size() - 1 && parent != null; i++) {
            parent = parent.isArray() ? parent.get(Integer.parseInt(steps.get(i))) : parent.get(steps.get(i));
        }
        if (steps.isEmpty() || parent == null) {
            return false;
        }
        String last = steps.get(steps.size() - 1);
        if (parent instanceof ArrayNode array && last.matches("[0-9]+")) {
            array.set(Integer.parseInt(last), replacement);
            return true;
        }
        if (parent instanceof ObjectNode object && object.has(last)) {
            object.set(last, replacement);
            return true;
        }
        return false;
    }

    private static final Pattern STEP = Pattern.compile("\\[(\\d+)]|\\.([^.\\[]+)|/([^/]+)");

    /**
     * Request bodies whose union is ambiguous by design: a follow-up ({@code POST /webhooks/{id}/{token}})
     * is a webhook execution, but the spec's union also offers the update shape, and a plain
     * {@code {content, flags}} satisfies both, so "exactly one of" would refuse every valid follow-up. For
     * these the branch that matches what the bot does is used.
     */
    private static final Map<String, String> AMBIGUOUS_UNIONS =
            Map.of("POST /webhooks/{webhook_id}/{webhook_token}", "IncomingWebhookRequestPartial");

    private Optional<JsonSchema> compile(String template, String method, String contentType) {
        String chosen = AMBIGUOUS_UNIONS.get(method.toUpperCase(Locale.ROOT) + " " + template);
        if (chosen != null) {
            return Optional.of(
                    factory.getSchema(SchemaLocation.of(SPEC_IRI + "#/components/schemas/" + chosen), config));
        }
        JsonNode content = spec.path("paths")
                .path(template)
                .path(method.toLowerCase(Locale.ROOT))
                .path("requestBody")
                .path("content");
        String mediaType = content.has(contentType) ? contentType : "application/json";
        if (!content.path(mediaType).has("schema")) {
            return Optional.empty();
        }
        JsonNode schema = content.path(mediaType).path("schema");
        if (mediaType.equals("multipart/form-data") && schema.path("properties").has("payload_json")) {
            // a multipart schema that describes payload_json as its own part: validate against that
            schema = schema.path("properties").path("payload_json");
        }
        String pointer = "/paths/" + escape(template) + "/" + method.toLowerCase(Locale.ROOT) + "/requestBody/content/"
                + escape(mediaType) + "/schema";
        if (schema != content.path(mediaType).path("schema")) {
            pointer += "/properties/payload_json";
        }
        String name = syntheticName(pointer);
        // JSON pointers into /paths contain braces, which are not valid in an IRI fragment; the schema is
        // reached through a synthetic entry under components/schemas instead (same document, same $refs).
        return Optional.of(factory.getSchema(SchemaLocation.of(SPEC_IRI + "#/components/schemas/" + name), config));
    }

    private String syntheticName(String pointer) {
        return "__op" + Integer.toHexString(pointer.hashCode());
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    /** Applies the spec README's readings (see class doc) and adds one synthetic schema per request body. */
    private void applyReadings(ObjectNode document) {
        ObjectNode schemasNode = (ObjectNode) document.path("components").path("schemas");
        unionsAsOneOf(document);
        document.path("paths")
                .fields()
                .forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
                    JsonNode content = op.getValue().path("requestBody").path("content");
                    content.fields().forEachRemaining(media -> {
                        JsonNode schema = media.getValue().path("schema");
                        if (schema.isMissingNode()) {
                            return;
                        }
                        String pointer = "/paths/" + escape(path.getKey()) + "/" + op.getKey() + "/requestBody/content/"
                                + escape(media.getKey()) + "/schema";
                        schemasNode.set(syntheticName(pointer), schema.deepCopy());
                        if (schema.path("properties").has("payload_json")) {
                            schemasNode.set(
                                    syntheticName(pointer + "/properties/payload_json"),
                                    schema.path("properties")
                                            .path("payload_json")
                                            .deepCopy());
                        }
                    });
                }));
    }

    private static void unionsAsOneOf(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.has("anyOf")
                    && "oneOf".equals(object.path("x-discord-union").asText())) {
                object.set("oneOf", object.remove("anyOf"));
            }
            Iterator<JsonNode> children = object.elements();
            while (children.hasNext()) {
                unionsAsOneOf(children.next());
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(DiscordApiSchema::unionsAsOneOf);
        }
    }
}
