package dev.drillbit.bank;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * A JSON tree that can tell the line and column of every value, so that validation can point an author
 * at the exact place. Keys are JSON paths such as {@code $.questions[3].answer}. Positions are worked out
 * only when first asked for (when there is a problem to report): a clean bank is read with plain Jackson.
 * Not thread-safe; one per file.
 */
final class LocatedJson {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final ObjectMapper MAPPER = JsonMapper.builder(FACTORY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .build();

    private final String text;
    private final JsonNode root;
    private Map<String, int[]> positions;

    private LocatedJson(String text, JsonNode root) {
        this.text = text;
        this.root = root;
    }

    /** Parses one JSON document; syntax errors surface as {@link JsonProcessingException} with a location. */
    static LocatedJson parse(String text) throws IOException {
        return new LocatedJson(text, MAPPER.readTree(text));
    }

    private static Map<String, int[]> locate(String text) {
        try (JsonParser parser = FACTORY.createParser(text)) {
            Map<String, int[]> positions = new HashMap<>();
            if (parser.nextToken() != null) {
                read(parser, "$", positions);
            }
            return positions;
        } catch (IOException e) {
            throw new IllegalStateException("a document that parsed once failed to parse again", e);
        }
    }

    private static JsonNode read(JsonParser parser, String path, Map<String, int[]> positions) throws IOException {
        JsonLocation at = parser.currentTokenLocation();
        positions.put(path, new int[] {at.getLineNr(), at.getColumnNr()});
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        return switch (parser.currentToken()) {
            case START_OBJECT -> {
                ObjectNode object = nodes.objectNode();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    object.set(name, read(parser, path + "." + name, positions));
                }
                yield object;
            }
            case START_ARRAY -> {
                ArrayNode array = nodes.arrayNode();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(read(parser, path + "[" + array.size() + "]", positions));
                }
                yield array;
            }
            case VALUE_STRING -> nodes.textNode(parser.getText());
            case VALUE_NUMBER_INT -> nodes.numberNode(parser.getBigIntegerValue());
            case VALUE_NUMBER_FLOAT -> nodes.numberNode(parser.getDecimalValue());
            case VALUE_TRUE -> nodes.booleanNode(true);
            case VALUE_FALSE -> nodes.booleanNode(false);
            case VALUE_NULL -> nodes.nullNode();
            default -> throw new JsonProcessingException("unexpected token " + parser.currentToken(), at) {};
        };
    }

    JsonNode root() {
        return root;
    }

    /** Line and column of the value at {@code path}, or of its nearest ancestor that has one. */
    int[] position(String path) {
        if (positions == null) {
            positions = locate(text);
        }
        String p = path;
        while (true) {
            int[] found = positions.get(p);
            if (found != null || p.equals("$")) {
                return found == null ? new int[] {0, 0} : found;
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            p = cut <= 0 ? "$" : p.substring(0, cut);
        }
    }
}
