package dev.drillbit.storage.flatfile;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reading one required field of a JSON object in a data file; a field missing or of the wrong kind is an
 * {@link IllegalArgumentException} naming it, which the store turns into a {@code DataFileException} for its
 * file.
 */
final class JsonFields {
    private JsonFields() {}

    static long whole(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new IllegalArgumentException("field \"" + field + "\" must be a whole number");
        }
        return v.longValue();
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("field \"" + field + "\" is missing or not text");
        }
        return v.textValue();
    }
}
