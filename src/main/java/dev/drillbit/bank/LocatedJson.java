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
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A JSON tree that can tell the line and column of every value, so that validation can point an author
 * at the exact place. Keys are JSON paths such as {@code $.questions[3].answer}. Positions are worked out
 * only when first asked for (when there is a problem to report): a clean bank is read with plain Jackson.
 * Not thread-safe; one per file.
 */
final class LocatedJson {
    /** The slow path's parser and mapper, built on first use: a good bank never needs them. */
    private static final class Slow {
        static final JsonFactory FACTORY = JsonFactory.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        static final ObjectMapper MAPPER = JsonMapper.builder(FACTORY)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
                .build();
    }

    /**
     * The mapper of the fast path: the same tree as the slow path's mapper builds, read straight from UTF-8 bytes,
     * with duplicate keys refused while the tree is built (free there) instead of by the parser (a set of
     * names per object). It accepts exactly the documents that one accepts; its error messages are
     * never shown (a document it refuses is parsed again by {@link #parse(String)}, which says why).
     */
    private static final ObjectMapper FAST = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build();

    /** The document's text, or null while only its bytes are at hand. */
    private String text;

    private final byte[] bytes;
    private final int from;
    private final JsonNode root;
    private Map<String, int[]> positions;

    private LocatedJson(String text, byte[] bytes, int from, JsonNode root) {
        this.text = text;
        this.bytes = bytes;
        this.from = from;
        this.root = root;
    }

    /** Parses one JSON document; syntax errors surface as {@link JsonProcessingException} with a location. */
    static LocatedJson parse(String text) throws IOException {
        return new LocatedJson(text, null, 0, Slow.MAPPER.readTree(text));
    }

    /**
     * The fast path for a good file: parses well-formed UTF-8 {@code bytes} (from offset {@code from}, after
     * any byte order mark) into the same tree as {@link #parse(String)} of their text, without decoding them
     * to a {@code String}. Empty when the document is not one valid JSON value, or when its first bytes
     * could make Jackson guess another encoding (a zero byte): the caller then takes {@link #parse(String)}
     * for the exact error. The text is decoded only if a position is asked for.
     */
    static Optional<LocatedJson> parseGood(byte[] bytes, int from) {
        for (int i = from; i < Math.min(bytes.length, from + 4); i++) {
            if (bytes[i] == 0) {
                return Optional.empty();
            }
        }
        try {
            JsonNode root = FAST.readTree(bytes, from, bytes.length - from);
            if (root == null || root.isMissingNode()) {
                return Optional.empty();
            }
            return Optional.of(new LocatedJson(null, bytes, from, root));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Map<String, int[]> locate(String text) {
        try (JsonParser parser = Slow.FACTORY.createParser(text)) {
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
            if (text == null) {
                text = new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8);
            }
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
