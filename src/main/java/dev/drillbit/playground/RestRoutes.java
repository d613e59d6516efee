package dev.drillbit.playground;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drillbit.playground.RestServer.Call;
import dev.drillbit.playground.RestServer.DiscordError;
import dev.drillbit.playground.RestServer.Reply;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REST API the stand-in serves, one handler per route (spelled as in Discord's OpenAPI paths): the
 * bot's identity and application, its commands, interaction callbacks and their webhooks, channels,
 * messages, threads and DMs. Each handler checks the request as Discord would, changes the world under
 * its lock, and tells message listeners after letting go of it.
 *
 * <p>Threading: handlers run on the REST server's pool, several at once.
 */
final class RestRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(RestRoutes.class);

    private final ObjectMapper json;
    private final LocalWorld world;
    private final DiscordJson discordJson;
    private final MessageStore messages;
    private final InteractionFactory interactions;
    private final GatewayServer gateway;

    RestRoutes(
            LocalWorld world,
            DiscordJson discordJson,
            MessageStore messages,
            InteractionFactory interactions,
            GatewayServer gateway) {
        this.json = discordJson.mapper();
        this.world = world;
        this.discordJson = discordJson;
        this.messages = messages;
        this.interactions = interactions;
        this.gateway = gateway;
    }

    /**
     * {@code GET /gateway/bot}: the gateway, the shard count the stand-in recommends and the session start
     * limit, with {@code max_concurrency} as set ({@link LocalDiscord#sharding}). Logins are not rate-limited.
     */
    private ObjectNode gatewayBot() {
        ObjectNode body = json.createObjectNode().put("url", gateway.url()).put("shards", gateway.recommendedShards());
        body.putObject("session_start_limit")
                .put("total", 1000)
                .put("remaining", 1000)
                .put("reset_after", 0)
                .put("max_concurrency", gateway.maxConcurrency());
        return body;
    }

    void registerOn(RestServer rest) {
        rest.route("GET", "/users/@me", this::getSelf);
        rest.route("GET", "/gateway", call -> Reply.ok(json.createObjectNode().put("url", gateway.url())));
        rest.route("GET", "/gateway/bot", call -> Reply.ok(gatewayBot()));
        rest.route("GET", "/applications/@me", call -> Reply.ok(applicationJson()));
        rest.route("GET", "/oauth2/applications/@me", call -> Reply.ok(applicationJson()));
        rest.route("POST", "/users/@me/channels", this::openDirectChannel);

        rest.route("GET", "/applications/{application_id}/commands", call -> listCommands(call, 0));
        rest.route("PUT", "/applications/{application_id}/commands", call -> replaceCommands(call, 0));
        rest.route("POST", "/applications/{application_id}/commands", call -> upsertCommand(call, 0));
        rest.route("DELETE", "/applications/{application_id}/commands/{command_id}", call -> deleteCommand(call, 0));
        rest.route(
                "GET",
                "/applications/{application_id}/guilds/{guild_id}/commands",
                call -> listCommands(call, call.id("guild_id")));
        rest.route(
                "PUT",
                "/applications/{application_id}/guilds/{guild_id}/commands",
                call -> replaceCommands(call, call.id("guild_id")));
        rest.route(
                "POST",
                "/applications/{application_id}/guilds/{guild_id}/commands",
                call -> upsertCommand(call, call.id("guild_id")));
        rest.route(
                "DELETE",
                "/applications/{application_id}/guilds/{guild_id}/commands/{command_id}",
                call -> deleteCommand(call, call.id("guild_id")));

        rest.route("POST", "/interactions/{interaction_id}/{interaction_token}/callback", this::interactionCallback);
        rest.route("POST", "/webhooks/{webhook_id}/{webhook_token}", this::followUp);
        rest.route(
                "GET",
                "/webhooks/{webhook_id}/{webhook_token}/messages/@original",
                call -> webhookMessage(call, "GET", true));
        rest.route(
                "PATCH",
                "/webhooks/{webhook_id}/{webhook_token}/messages/@original",
                call -> webhookMessage(call, "PATCH", true));
        rest.route(
                "DELETE",
                "/webhooks/{webhook_id}/{webhook_token}/messages/@original",
                call -> webhookMessage(call, "DELETE", true));
        rest.route(
                "GET",
                "/webhooks/{webhook_id}/{webhook_token}/messages/{message_id}",
                call -> webhookMessage(call, "GET", false));
        rest.route(
                "PATCH",
                "/webhooks/{webhook_id}/{webhook_token}/messages/{message_id}",
                call -> webhookMessage(call, "PATCH", false));
        rest.route(
                "DELETE",
                "/webhooks/{webhook_id}/{webhook_token}/messages/{message_id}",
                call -> webhookMessage(call, "DELETE", false));

        rest.route("GET", "/channels/{channel_id}", this::getChannel);
        rest.route("POST", "/channels/{channel_id}/messages", this::postChannelMessage);
        rest.route("GET", "/channels/{channel_id}/messages", this::listChannelMessages);
        rest.route("GET", "/channels/{channel_id}/messages/{message_id}", call -> channelMessage(call, "GET"));
        rest.route("PATCH", "/channels/{channel_id}/messages/{message_id}", call -> channelMessage(call, "PATCH"));
        rest.route("DELETE", "/channels/{channel_id}/messages/{message_id}", call -> channelMessage(call, "DELETE"));
        rest.route("POST", "/channels/{channel_id}/threads", call -> startThread(call, 0));
        rest.route(
                "POST",
                "/channels/{channel_id}/messages/{message_id}/threads",
                call -> startThread(call, call.id("message_id")));
    }

    private Reply getSelf(Call call) {
        return Reply.ok(discordJson.self().put("locale", "en-US"));
    }

    private ObjectNode applicationJson() {
        synchronized (world.lock) {
            return discordJson.application();
        }
    }

    private void requireApplication(Call call) {
        if (!world.bot.idString().equals(call.param("application_id"))) {
            throw new DiscordError(404, 10002, "Unknown Application");
        }
    }

    private Reply listCommands(Call call, long guildId) {
        requireApplication(call);
        synchronized (world.lock) {
            return Reply.ok(json.valueToTree(world.commands.list(guildId)));
        }
    }

    private Reply replaceCommands(Call call, long guildId) {
        requireApplication(call);
        if (!call.body().isArray()) {
            throw new DiscordError(400, 50035, "Invalid Form Body: expected an array of commands");
        }
        synchronized (world.lock) {
            List<ObjectNode> stored = world.commands.replace(guildId, call.body());
            world.changed();
            LOG.info(
                    "bot registered {} commands ({}): {}",
                    stored.size(),
                    guildId == 0 ? "global" : "guild " + guildId,
                    stored.stream().map(c -> c.path("name").asText()).toList());
            return Reply.ok(json.valueToTree(stored));
        }
    }

    private Reply upsertCommand(Call call, long guildId) {
        requireApplication(call);
        synchronized (world.lock) {
            ObjectNode stored = world.commands.upsert(guildId, call.body());
            world.changed();
            return new Reply(201, stored);
        }
    }

    private Reply deleteCommand(Call call, long guildId) {
        requireApplication(call);
        synchronized (world.lock) {
            if (!world.commands.delete(guildId, call.id("command_id"))) {
                throw new DiscordError(404, 10063, "Unknown application command");
            }
            return Reply.noContent();
        }
    }

    private Reply interactionCallback(Call call) {
        long received = System.nanoTime();
        InteractionHandle handle;
        LocalMessage created = null;
        LocalMessage edited = null;
        int type = call.body().path("type").asInt(-1);
        JsonNode data = call.body().path("data");
        synchronized (world.lock) {
            handle = interactions.byId(call.id("interaction_id")).orElse(null);
            if (handle != null && (type == 4 || type == 5) && forcedPrivate(handle)) {
                data = forcePrivate(data);
            }
            if (handle == null || !handle.token().equals(call.param("interaction_token"))) {
                throw new DiscordError(404, 10062, "Unknown interaction");
            }
            if (handle.acknowledged()) {
                throw new DiscordError(400, 40060, "Interaction has already been acknowledged.");
            }
            long visibleTo = (data.path("flags").asInt(0) & LocalMessage.EPHEMERAL) != 0
                    ? handle.member().id()
                    : 0;
            int messageType = handle.type() == 2 ? 20 : 0;
            switch (type) {
                case 1, 6, 8, 9 -> {}
                case 4 ->
                    created = messages.create(
                            handle.channel(), data, call.request().files(), messageType, handle, visibleTo);
                case 5 -> {
                    ObjectNode loading = json.createObjectNode()
                            .put("content", "")
                            .put(
                                    "flags",
                                    LocalMessage.LOADING | (data.path("flags").asInt(0) & LocalMessage.EPHEMERAL));
                    created = messages.create(handle.channel(), loading, List.of(), messageType, handle, visibleTo);
                }
                case 7 -> {
                    LocalMessage source =
                            messages.find(handle.sourceMessageId()).orElse(null);
                    if (source == null) {
                        throw new DiscordError(
                                400,
                                50035,
                                "UPDATE_MESSAGE is only valid for component and modal interactions on a message");
                    }
                    edited = messages.edit(source, data, call.request().files(), false);
                }
                default -> throw new DiscordError(400, 50035, "Invalid interaction callback type " + type);
            }
            if (created != null) {
                handle.originalMessageId(created.id());
            }
            handle.callbackReceived(received);
        }
        LOG.info("interaction {} answered with callback type {}", handle.id(), type);
        if (created != null && type == 4) {
            handle.completeReply(created);
        }
        if (edited != null) {
            handle.completeReply(edited);
        }
        handle.completeCallback(type, data.isMissingNode() ? null : data.deepCopy());
        if (created != null) {
            messages.announce(created, false);
        }
        if (edited != null) {
            messages.announce(edited, true);
        }
        if (!"true".equals(call.queryParams().get("with_response"))) {
            return Reply.noContent();
        }
        ObjectNode response = json.createObjectNode();
        LocalMessage resource = created != null ? created : edited;
        ObjectNode interaction = response.putObject("interaction")
                .put("id", Long.toUnsignedString(handle.id()))
                .put("type", handle.type());
        if (resource != null) {
            interaction
                    .put("response_message_id", Long.toUnsignedString(resource.id()))
                    .put("response_message_loading", resource.isLoading())
                    .put("response_message_ephemeral", resource.isEphemeral());
        }
        ObjectNode resourceNode = response.putObject("resource").put("type", type);
        if (resource != null) {
            resourceNode.set("message", resource.json().deepCopy());
        }
        return Reply.ok(response);
    }

    /**
     * Discord forces an app's replies private in a server that did not add it and has "Use External Apps"
     * off. Must hold the lock.
     */
    private boolean forcedPrivate(InteractionHandle handle) {
        long guildId = handle.channel().guildId();
        return !handle.channel().isDirect() && !world.botIn(guildId) && world.externalAppsOff(guildId);
    }

    private static JsonNode forcePrivate(JsonNode body) {
        ObjectNode copy = body.isObject() ? ((ObjectNode) body).deepCopy() : new ObjectMapper().createObjectNode();
        copy.put("flags", copy.path("flags").asInt(0) | LocalMessage.EPHEMERAL);
        return copy;
    }

    private InteractionHandle webhookInteraction(Call call) {
        if (!world.bot.idString().equals(call.param("webhook_id"))) {
            throw new DiscordError(404, 10015, "Unknown Webhook");
        }
        InteractionHandle handle =
                interactions.byToken(call.param("webhook_token")).orElse(null);
        if (handle == null) {
            throw new DiscordError(401, 50027, "Invalid Webhook Token");
        }
        if (!handle.acknowledged()) {
            throw new DiscordError(404, 10015, "Unknown Webhook");
        }
        return handle;
    }

    private Reply followUp(Call call) {
        InteractionHandle handle;
        LocalMessage message;
        boolean edit;
        synchronized (world.lock) {
            handle = webhookInteraction(call);
            LocalMessage original = messages.find(handle.originalMessageId()).orElse(null);
            edit = original != null && original.isLoading();
            if (edit) {
                // Discord: the first follow-up after a deferral fills in the "thinking" message
                message = messages.edit(original, call.body(), call.request().files(), true);
            } else {
                JsonNode body = forcedPrivate(handle) ? forcePrivate(call.body()) : call.body();
                long visibleTo = (body.path("flags").asInt(0) & LocalMessage.EPHEMERAL) != 0
                        ? handle.member().id()
                        : 0;
                message = messages.create(handle.channel(), body, call.request().files(), 0, handle, visibleTo);
            }
        }
        handle.addFollowUp(message);
        messages.announce(message, edit);
        return Reply.ok(message.json().deepCopy());
    }

    private Reply webhookMessage(Call call, String method, boolean original) {
        InteractionHandle handle;
        LocalMessage result;
        synchronized (world.lock) {
            handle = webhookInteraction(call);
            long messageId = original ? handle.originalMessageId() : call.id("message_id");
            LocalMessage current = messages.find(messageId).orElse(null);
            if (current == null) {
                throw new DiscordError(404, 10008, "Unknown Message");
            }
            switch (method) {
                case "GET" -> {
                    return Reply.ok(current.json().deepCopy());
                }
                case "DELETE" -> {
                    messages.remove(current);
                    return Reply.noContent();
                }
                default ->
                    result = messages.edit(current, call.body(), call.request().files(), true);
            }
        }
        if (original) {
            handle.completeReply(result);
        }
        messages.announce(result, true);
        return Reply.ok(result.json().deepCopy());
    }

    private LocalChannel requireChannel(Call call) {
        return world.channel(call.id("channel_id")).orElseThrow(() -> new DiscordError(404, 10003, "Unknown Channel"));
    }

    private Reply getChannel(Call call) {
        synchronized (world.lock) {
            LocalChannel channel = requireChannel(call);
            return Reply.ok(discordJson.channel(channel, -1));
        }
    }

    private Reply postChannelMessage(Call call) {
        LocalMessage message;
        synchronized (world.lock) {
            LocalChannel channel = requireChannel(call);
            if (channel.isDirect() && world.directMessagesClosed(channel.recipientId())) {
                throw new DiscordError(403, 50007, "Cannot send messages to this user");
            }
            JsonNode body = call.body();
            if (body.path("content").asText("").isEmpty()
                    && body.path("embeds").isEmpty()
                    && body.path("components").isEmpty()
                    && call.request().files().isEmpty()
                    && !body.has("poll")) {
                throw new DiscordError(400, 50006, "Cannot send an empty message");
            }
            message = messages.create(
                    channel, body, call.request().files(), body.has("message_reference") ? 19 : 0, null, 0);
        }
        messages.announce(message, false);
        return Reply.ok(message.json().deepCopy());
    }

    /**
     * A channel's messages, newest first, as Discord lists them: {@code limit} (1 to 100, default 50), and at
     * most one of {@code before} and {@code after} (ids; {@code around} is not modelled). Ephemeral messages
     * are not part of a channel's history.
     */
    private Reply listChannelMessages(Call call) {
        synchronized (world.lock) {
            LocalChannel channel = requireChannel(call);
            int limit;
            try {
                limit = Integer.parseInt(call.queryParams().getOrDefault("limit", "50"));
            } catch (NumberFormatException e) {
                throw new DiscordError(400, 50035, "Invalid Form Body: limit");
            }
            if (limit < 1 || limit > 100 || call.queryParams().containsKey("around")) {
                throw new DiscordError(400, 50035, "Invalid Form Body: limit must be 1 to 100; around is not modelled");
            }
            long before = Long.parseUnsignedLong(call.queryParams().getOrDefault("before", "0"));
            long after = Long.parseUnsignedLong(call.queryParams().getOrDefault("after", "0"));
            List<LocalMessage> all = messages.inChannel(channel.id()).stream()
                    .filter(m -> m != null && !m.isEphemeral())
                    .filter(m -> (before == 0 || Long.compareUnsigned(m.id(), before) < 0)
                            && Long.compareUnsigned(m.id(), after) > 0)
                    .toList();
            List<LocalMessage> page = after != 0 && before == 0
                    ? all.subList(0, Math.min(limit, all.size())) // the oldest after `after`
                    : all.subList(Math.max(0, all.size() - limit), all.size());
            ArrayNode result = json.createArrayNode();
            for (int i = page.size() - 1; i >= 0; i--) {
                result.add(page.get(i).json().deepCopy());
            }
            return Reply.ok(result);
        }
    }

    private Reply channelMessage(Call call, String method) {
        LocalMessage result;
        synchronized (world.lock) {
            LocalChannel channel = requireChannel(call);
            LocalMessage current = messages.find(call.id("message_id")).orElse(null);
            if (current == null || current.channelId() != channel.id()) {
                throw new DiscordError(404, 10008, "Unknown Message");
            }
            switch (method) {
                case "GET" -> {
                    return Reply.ok(current.json().deepCopy());
                }
                case "DELETE" -> {
                    messages.remove(current);
                    return Reply.noContent();
                }
                default -> {
                    if (current.json().has("webhook_id")) {
                        throw new DiscordError(403, 50005, "Cannot edit a message authored by another user");
                    }
                    result = messages.edit(current, call.body(), call.request().files(), false);
                }
            }
        }
        messages.announce(result, true);
        return Reply.ok(result.json().deepCopy());
    }

    private Reply startThread(Call call, long fromMessageId) {
        ObjectNode threadJson;
        synchronized (world.lock) {
            LocalChannel parent = requireChannel(call);
            if (parent.isDirect() || parent.isThread()) {
                throw new DiscordError(400, 50024, "Cannot execute action on this channel type");
            }
            if (fromMessageId != 0 && !messages.contains(parent.id(), fromMessageId)) {
                throw new DiscordError(404, 10008, "Unknown Message");
            }
            String name = call.body().path("name").asText("");
            if (name.isEmpty()) {
                throw new DiscordError(400, 50035, "Invalid Form Body: name is required");
            }
            int type = fromMessageId != 0
                    ? LocalChannel.PUBLIC_THREAD
                    : call.body().path("type").asInt(LocalChannel.PRIVATE_THREAD);
            long id = fromMessageId != 0 ? fromMessageId : world.ids.next();
            LocalChannel thread = new LocalChannel(id, parent.guildId(), name, type, parent.id(), 0);
            messages.openChannel(id);
            world.addChannel(thread);
            threadJson = discordJson.channel(thread, -1);
            world.changed();
        }
        ObjectNode event = threadJson.deepCopy().put("newly_created", true);
        gateway.dispatch("THREAD_CREATE", event);
        return new Reply(201, threadJson);
    }

    private Reply openDirectChannel(Call call) {
        synchronized (world.lock) {
            String recipient = call.body().path("recipient_id").asText("");
            LocalUser user =
                    world.userWithId(recipient).orElseThrow(() -> new DiscordError(400, 50033, "Invalid Recipient(s)"));
            LocalChannel channel = world.openDirect(user, messages::openChannel);
            return Reply.ok(discordJson.channel(channel, -1));
        }
    }
}
