package dev.drillbit.playground;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every message of every channel, each in its latest version, in order of creation per channel; how a
 * bot's create or edit body becomes a stored message (embeds typed, components numbered, attachments
 * kept or added); and the listeners told of each change.
 *
 * <p>Threading: the store is guarded by the {@link LocalWorld}'s lock, which every method but
 * {@link #announce} expects its caller to hold; {@link #announce} runs the listeners outside it.
 */
final class MessageStore {
    private static final Logger LOG = LoggerFactory.getLogger(MessageStore.class);

    private final ObjectMapper json;
    private final LocalWorld world;
    private final DiscordJson discordJson;
    private final Map<Long, List<Long>> messageOrder = new LinkedHashMap<>();
    private final Map<Long, LocalMessage> messages = new LinkedHashMap<>();
    private final List<Consumer<Posted>> listeners = new CopyOnWriteArrayList<>();

    MessageStore(LocalWorld world, DiscordJson discordJson) {
        this.json = discordJson.mapper();
        this.world = world;
        this.discordJson = discordJson;
    }

    /** A new channel starts with no messages. */
    void openChannel(long channelId) {
        messageOrder.put(channelId, new ArrayList<>());
    }

    /** A deleted channel's messages go with it. */
    void dropChannel(long channelId) {
        List<Long> gone = messageOrder.remove(channelId);
        if (gone != null) {
            gone.forEach(messages::remove);
        }
    }

    Optional<LocalMessage> find(long messageId) {
        return Optional.ofNullable(messages.get(messageId));
    }

    /** Messages of a channel in order of creation, each in its latest version. */
    List<LocalMessage> inChannel(long channelId) {
        return messageOrder.getOrDefault(channelId, List.of()).stream()
                .map(messages::get)
                .toList();
    }

    int count(long channelId) {
        return messageOrder.getOrDefault(channelId, List.of()).size();
    }

    boolean contains(long channelId, long messageId) {
        return messageOrder.getOrDefault(channelId, List.of()).contains(messageId);
    }

    void onMessage(Consumer<Posted> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Stores a new message from the bot. {@code interaction} is null for plain channel messages. */
    LocalMessage create(
            LocalChannel channel,
            JsonNode body,
            List<RecordedRequest.FilePart> files,
            int type,
            InteractionHandle interaction,
            long visibleTo) {
        long id = world.ids.next();
        ObjectNode node = json.createObjectNode()
                .put("id", Long.toUnsignedString(id))
                .put("type", type)
                .put("channel_id", channel.idString());
        node.set("author", discordJson.user(world.bot));
        node.put("content", body.path("content").asText(""));
        node.set("embeds", embeds(body.path("embeds")));
        node.set("components", numberComponents(body.path("components")));
        node.set("attachments", attachments(body.path("attachments"), files, json.createArrayNode()));
        node.putArray("mentions");
        node.putArray("mention_roles");
        node.put("mention_everyone", false)
                .put("pinned", false)
                .put("tts", body.path("tts").asBoolean(false));
        node.put("timestamp", discordJson.now());
        node.putNull("edited_timestamp");
        node.put("flags", body.path("flags").asInt(0));
        if (interaction != null) {
            node.put("webhook_id", world.bot.idString());
            node.put("application_id", world.bot.idString());
            ObjectNode metadata = node.putObject("interaction_metadata")
                    .put("id", Long.toUnsignedString(interaction.id()))
                    .put("type", interaction.type());
            metadata.set("user", discordJson.user(interaction.member().user()));
            metadata.putObject("authorizing_integration_owners")
                    .put("0", interaction.member().guild().idString());
        }
        if (body.has("message_reference")) {
            node.set("message_reference", body.get("message_reference"));
        }
        if (body.has("poll")) {
            node.set("poll", body.get("poll"));
        }
        LocalMessage message = new LocalMessage(id, channel.id(), visibleTo, 0, node);
        messages.put(id, message);
        messageOrder.computeIfAbsent(channel.id(), c -> new ArrayList<>()).add(id);
        world.changed();
        return message;
    }

    /** Applies an edit (PATCH body or UPDATE_MESSAGE data) to a stored message. */
    LocalMessage edit(LocalMessage current, JsonNode body, List<RecordedRequest.FilePart> files, boolean clearLoading) {
        ObjectNode node = current.json().deepCopy();
        if (body.has("content")) {
            node.put(
                    "content",
                    body.get("content").isNull() ? "" : body.get("content").asText());
        }
        if (body.has("embeds")) {
            node.set("embeds", embeds(body.get("embeds")));
        }
        if (body.has("components")) {
            node.set("components", numberComponents(body.get("components")));
        }
        if (body.has("attachments") || !files.isEmpty()) {
            node.set("attachments", attachments(body.path("attachments"), files, (ArrayNode) node.path("attachments")));
        }
        int flags = node.path("flags").asInt(0);
        if (body.has("flags")) {
            // only SUPPRESS_EMBEDS (4) and IS_COMPONENTS_V2 (1 << 15) may change on edit
            int mutable = 4 | (1 << 15);
            flags = (flags & ~mutable) | (body.get("flags").asInt() & mutable);
        }
        if (clearLoading) {
            flags &= ~LocalMessage.LOADING;
        }
        node.put("flags", flags);
        node.put("edited_timestamp", discordJson.now());
        LocalMessage edited =
                new LocalMessage(current.id(), current.channelId(), current.visibleTo(), current.revision() + 1, node);
        messages.put(current.id(), edited);
        world.changed();
        return edited;
    }

    void remove(LocalMessage message) {
        messages.remove(message.id());
        messageOrder.getOrDefault(message.channelId(), new ArrayList<>()).remove(message.id());
        world.changed();
    }

    /** Tells every listener of a created or edited message. Call without the lock held. */
    void announce(LocalMessage message, boolean edit) {
        LocalChannel channel;
        synchronized (world.lock) {
            channel = world.channel(message.channelId()).orElse(null);
        }
        Posted posted = new Posted(channel, message, edit);
        for (Consumer<Posted> listener : listeners) {
            try {
                listener.accept(posted);
            } catch (RuntimeException e) {
                LOG.warn("message listener failed", e);
            }
        }
    }

    private JsonNode embeds(JsonNode given) {
        ArrayNode out = json.createArrayNode();
        if (given.isArray()) {
            for (JsonNode embed : given) {
                ObjectNode copy = embed.deepCopy();
                if (!copy.has("type")) {
                    copy.put("type", "rich");
                }
                out.add(copy);
            }
        }
        return out;
    }

    /** Copies components and gives each a numeric {@code id} where missing, depth first, as Discord does. */
    private JsonNode numberComponents(JsonNode given) {
        ArrayNode out = given.isArray() ? ((ArrayNode) given).deepCopy() : json.createArrayNode();
        int[] next = {1};
        List<Integer> used = new ArrayList<>();
        collectIds(out, used);
        assignIds(out, next, used);
        return out;
    }

    private static void collectIds(JsonNode node, List<Integer> used) {
        if (node.isArray()) {
            node.forEach(child -> collectIds(child, used));
        } else if (node.isObject()) {
            if (node.has("id") && node.get("id").isInt()) {
                used.add(node.get("id").asInt());
            }
            for (String nested : List.of("components", "component", "accessory")) {
                collectIds(node.path(nested), used);
            }
        }
    }

    private static void assignIds(JsonNode node, int[] next, List<Integer> used) {
        if (node.isArray()) {
            node.forEach(child -> assignIds(child, next, used));
        } else if (node instanceof ObjectNode object) {
            if (!object.has("id") && object.has("type")) {
                while (used.contains(next[0])) {
                    next[0]++;
                }
                object.put("id", next[0]);
                used.add(next[0]);
            }
            for (String nested : List.of("components", "component", "accessory")) {
                assignIds(object.path(nested), next, used);
            }
        }
    }

    private ArrayNode attachments(JsonNode declared, List<RecordedRequest.FilePart> files, ArrayNode existing) {
        ArrayNode out = json.createArrayNode();
        if (declared.isArray()) {
            for (JsonNode attachment : declared) {
                String id = attachment.path("id").asText();
                JsonNode kept = null;
                for (JsonNode old : existing) {
                    if (old.path("id").asText().equals(id)) {
                        kept = old;
                    }
                }
                if (kept != null) {
                    out.add(kept);
                    continue;
                }
                RecordedRequest.FilePart file = files.stream()
                        .filter(f -> ("files[" + id + "]").equals(f.name()))
                        .findFirst()
                        .orElse(null);
                String filename = attachment.path("filename").asText(file == null ? "file" : file.filename());
                out.add(attachmentJson(filename, file));
            }
        }
        for (RecordedRequest.FilePart file : files) {
            boolean declaredAlready = false;
            if (declared.isArray()) {
                for (JsonNode attachment : declared) {
                    declaredAlready |= ("files[" + attachment.path("id").asText() + "]").equals(file.name());
                }
            }
            if (!declaredAlready) {
                out.add(attachmentJson(file.filename(), file));
            }
        }
        return out;
    }

    private ObjectNode attachmentJson(String filename, RecordedRequest.FilePart file) {
        long id = world.ids.next();
        String url = "https://cdn.local.invalid/attachments/" + Long.toUnsignedString(id) + "/" + filename;
        return json.createObjectNode()
                .put("id", Long.toUnsignedString(id))
                .put("filename", filename)
                .put("size", file == null ? 0 : file.bytes().length)
                .put("url", url)
                .put("proxy_url", url)
                .put(
                        "content_type",
                        file == null || file.contentType().isEmpty() ? "application/octet-stream" : file.contentType());
    }
}
