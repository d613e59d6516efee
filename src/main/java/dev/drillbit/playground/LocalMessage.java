package dev.drillbit.playground;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One version of a message as Discord would return it. {@code json} is a private copy in Discord's shape
 * (id, channel_id, author, content, embeds, components, flags, attachments, timestamp, ...); treat it as
 * read-only. An edit produces a new {@code LocalMessage} with the same id and a higher {@code revision}.
 *
 * @param visibleTo the only user who can see it (ephemeral messages), 0 when everyone can
 */
public record LocalMessage(long id, long channelId, long visibleTo, int revision, ObjectNode json) {
    public static final int EPHEMERAL = 1 << 6;
    public static final int LOADING = 1 << 7;

    public String content() {
        return json.path("content").asText("");
    }

    public int flags() {
        return json.path("flags").asInt(0);
    }

    public boolean isEphemeral() {
        return (flags() & EPHEMERAL) != 0;
    }

    /** A deferred reply that the bot has not filled in yet ("bot is thinking…"). */
    public boolean isLoading() {
        return (flags() & LOADING) != 0;
    }

    public boolean isEdited() {
        return revision > 0;
    }

    public boolean visibleTo(LocalUser user) {
        return visibleTo == 0 || visibleTo == user.id();
    }

    public JsonNode embeds() {
        return json.path("embeds");
    }

    public JsonNode components() {
        return json.path("components");
    }

    public JsonNode attachments() {
        return json.path("attachments");
    }

    /** Every {@code custom_id} among the message's components, depth first. */
    public List<String> customIds() {
        List<String> ids = new ArrayList<>();
        collectCustomIds(components(), ids);
        return ids;
    }

    /** The component with this custom id, if the message has it. */
    public Optional<JsonNode> component(String customId) {
        return findComponent(components(), customId);
    }

    static void collectCustomIds(JsonNode node, List<String> out) {
        if (node.isArray()) {
            node.forEach(child -> collectCustomIds(child, out));
        } else if (node.isObject()) {
            if (node.hasNonNull("custom_id")) {
                out.add(node.get("custom_id").asText());
            }
            collectCustomIds(node.path("components"), out);
            collectCustomIds(node.path("component"), out);
            collectCustomIds(node.path("accessory"), out);
        }
    }

    static Optional<JsonNode> findComponent(JsonNode node, String customId) {
        if (node.isArray()) {
            for (JsonNode child : node) {
                Optional<JsonNode> found = findComponent(child, customId);
                if (found.isPresent()) {
                    return found;
                }
            }
        } else if (node.isObject()) {
            if (customId.equals(node.path("custom_id").asText(null))) {
                return Optional.of(node);
            }
            for (String nested : List.of("components", "component", "accessory")) {
                Optional<JsonNode> found = findComponent(node.path(nested), customId);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }
}
