package dev.drillbit.playground;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A REST request the bot made, as the stand-in received it.
 *
 * @param method HTTP method, upper case
 * @param path the path relative to {@code /api/v10}, e.g. {@code /channels/123/messages}
 * @param query the raw query string, empty if none
 * @param route the matched route template in the OpenAPI spec's spelling, e.g.
 *     {@code /channels/{channel_id}/messages}; empty when no route matched
 * @param headers request headers (lower-case names) without {@code Authorization}
 * @param contentType the request's content type without parameters, empty if none
 * @param body the JSON body (for multipart: the {@code payload_json} part), empty if none
 * @param files the non-JSON parts of a multipart body
 */
public record RecordedRequest(
        String method,
        String path,
        String query,
        Optional<String> route,
        Map<String, String> headers,
        String contentType,
        Optional<JsonNode> body,
        List<FilePart> files) {

    public RecordedRequest {
        headers = Map.copyOf(headers);
        files = List.copyOf(files);
    }

    public boolean isMultipart() {
        return contentType.startsWith("multipart/");
    }

    /** One uploaded file of a multipart body, e.g. {@code files[0]}. */
    public record FilePart(String name, String filename, String contentType, byte[] bytes) {}

    @Override
    public String toString() {
        return method + " " + path + route.map(r -> " (" + r + ")").orElse(" (no route)");
    }
}
