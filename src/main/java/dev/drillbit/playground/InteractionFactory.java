package dev.drillbit.playground;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Acts as a member: builds the INTERACTION_CREATE a slash command, an autocomplete, a click, a select or
 * a modal submission would send, checked against what the bot registered and what the member can see,
 * dispatches it on the gateway, and keeps each interaction (by id and by token) for the REST routes that
 * receive the bot's answers.
 *
 * <p>Threading: thread-safe; the interactions are guarded by the {@link LocalWorld}'s lock.
 */
final class InteractionFactory {
    private static final Logger LOG = LoggerFactory.getLogger(InteractionFactory.class);

    private final ObjectMapper json;
    private final LocalWorld world;
    private final DiscordJson discordJson;
    private final MessageStore messages;
    private final GatewayServer gateway;
    private final Map<Long, InteractionHandle> interactions = new LinkedHashMap<>();
    private final Map<String, InteractionHandle> interactionsByToken = new LinkedHashMap<>();

    InteractionFactory(LocalWorld world, DiscordJson discordJson, MessageStore messages, GatewayServer gateway) {
        this.json = discordJson.mapper();
        this.world = world;
        this.discordJson = discordJson;
        this.messages = messages;
        this.gateway = gateway;
    }

    /** The interaction with this id. Must hold the lock. */
    Optional<InteractionHandle> byId(long id) {
        return Optional.ofNullable(interactions.get(id));
    }

    /** The interaction whose token this is. Must hold the lock. */
    Optional<InteractionHandle> byToken(String token) {
        return Optional.ofNullable(interactionsByToken.get(token));
    }

    /** Drops interactions older than the newest {@code keep}. */
    void forget(int keep) {
        synchronized (world.lock) {
            Iterator<InteractionHandle> it = interactions.values().iterator();
            int excess = interactions.size() - keep;
            while (excess-- > 0 && it.hasNext()) {
                interactionsByToken.remove(it.next().token());
                it.remove();
            }
        }
    }

    private Optional<LocalMessage> message(long messageId) {
        synchronized (world.lock) {
            return messages.find(messageId);
        }
    }

    /** {@code /command} without options. {@code command} may name a subcommand: "quiz start", "admin config set". */
    InteractionHandle slash(LocalMember member, LocalChannel channel, String command) {
        return slash(member, channel, command, Map.of());
    }

    /**
     * Sends a chat-input command as this member. Option values may be typed (String, Number, Boolean,
     * {@link LocalUser}, {@link LocalMember}, {@link LocalChannel}, {@link LocalRole}) or strings that are
     * converted by the registered option type (numbers, booleans, and users, channels, roles by name or id).
     *
     * @throws IllegalArgumentException if the command, a subcommand or an option is not registered, a
     *     required option is missing, or a value does not fit
     */
    InteractionHandle slash(LocalMember member, LocalChannel channel, String command, Map<String, ?> options) {
        ObjectNode data;
        synchronized (world.lock) {
            data = new CommandPayload(member, channel, command).build(options, null, null);
        }
        return dispatch(2, member, channel, data, null, "/" + command);
    }

    /**
     * Asks the bot for autocomplete choices while the member types {@code partial} into option
     * {@code focusedOption}; other options already filled can be given too.
     */
    InteractionHandle autocomplete(
            LocalMember member,
            LocalChannel channel,
            String command,
            String focusedOption,
            String partial,
            Map<String, ?> others) {
        ObjectNode data;
        synchronized (world.lock) {
            data = new CommandPayload(member, channel, command).build(others, focusedOption, partial);
        }
        return dispatch(4, member, channel, data, null, "autocomplete /" + command + " " + focusedOption);
    }

    /** Clicks the button with this custom id on a message the member can see. */
    InteractionHandle click(LocalMember member, LocalMessage message, String customId) {
        LocalMessage current = visibleComponentMessage(member, message, customId, 2);
        ObjectNode data = json.createObjectNode().put("custom_id", customId).put("component_type", 2);
        return dispatch(3, member, channelOf(current), data, current, "click " + customId);
    }

    /** Chooses these values in the string select menu with this custom id. */
    InteractionHandle select(LocalMember member, LocalMessage message, String customId, String... values) {
        LocalMessage current = visibleComponentMessage(member, message, customId, 3);
        JsonNode menu = current.component(customId).orElseThrow();
        List<String> offered = new ArrayList<>();
        menu.path("options").forEach(o -> offered.add(o.path("value").asText()));
        for (String value : values) {
            if (!offered.contains(value)) {
                throw new IllegalArgumentException("select " + customId + " offers " + offered + ", not " + value);
            }
        }
        int min = menu.path("min_values").asInt(1);
        int max = menu.path("max_values").asInt(1);
        if (values.length < min || values.length > max) {
            throw new IllegalArgumentException(
                    "select " + customId + " takes " + min + ".." + max + " values, got " + values.length);
        }
        ObjectNode data = json.createObjectNode().put("custom_id", customId).put("component_type", 3);
        ArrayNode chosen = data.putArray("values");
        for (String value : values) {
            chosen.add(value);
        }
        return dispatch(3, member, channelOf(current), data, current, "select " + customId);
    }

    /**
     * Submits the modal the bot opened in answer to {@code opener}, filling its text inputs by custom id.
     * Inputs arrive wrapped in Label components (type 18), as API v10 sends them to JDA 6.
     *
     * @throws IllegalArgumentException if the bot did not answer with a modal of this custom id, or a field
     *     is unknown, or a required field is missing
     */
    InteractionHandle submitModal(
            LocalMember member, InteractionHandle opener, String customId, Map<String, String> fieldValues) {
        InteractionHandle.Callback callback = opener.callback().getNow(null);
        if (callback == null || callback.type() != 9) {
            throw new IllegalArgumentException(opener + " was not answered with a modal (callback " + callback + ")");
        }
        JsonNode modal = callback.data();
        if (!customId.equals(modal.path("custom_id").asText())) {
            throw new IllegalArgumentException(
                    "the open modal is " + modal.path("custom_id").asText() + ", not " + customId);
        }
        ObjectNode data = json.createObjectNode().put("custom_id", customId);
        ArrayNode rows = data.putArray("components");
        Map<String, String> remaining = new LinkedHashMap<>(fieldValues);
        int[] nextId = {1000};
        for (JsonNode top : modal.path("components")) {
            List<JsonNode> inputs = new ArrayList<>();
            if (top.path("type").asInt() == 18) {
                inputs.add(top.path("component"));
            } else {
                top.path("components").forEach(inputs::add);
            }
            for (JsonNode input : inputs) {
                if (input.path("type").asInt() != 4) {
                    continue; // only text inputs are modelled
                }
                String inputId = input.path("custom_id").asText();
                String value = remaining.remove(inputId);
                if (value == null) {
                    if (input.path("required").asBoolean(true)) {
                        throw new IllegalArgumentException("modal " + customId + " requires field " + inputId);
                    }
                    value = "";
                }
                ObjectNode label = rows.addObject()
                        .put("type", 18)
                        .put("id", top.path("id").asInt(nextId[0]++));
                label.putObject("component")
                        .put("type", 4)
                        .put("id", input.path("id").asInt(nextId[0]++))
                        .put("custom_id", inputId)
                        .put("value", value);
            }
        }
        if (!remaining.isEmpty()) {
            throw new IllegalArgumentException("modal " + customId + " has no fields " + remaining.keySet());
        }
        LocalMessage source =
                opener.type() == 3 ? message(opener.sourceMessageId()).orElse(null) : null;
        return dispatch(5, member, opener.channel(), data, source, "modal " + customId);
    }

    private LocalMessage visibleComponentMessage(
            LocalMember member, LocalMessage message, String customId, int componentType) {
        LocalMessage current = message(message.id())
                .orElseThrow(() -> new IllegalArgumentException("message " + message.id() + " no longer exists"));
        if (!current.visibleTo(member.user())) {
            throw new IllegalArgumentException(member.name() + " cannot see message " + current.id());
        }
        JsonNode component = current.component(customId)
                .orElseThrow(() -> new IllegalArgumentException("message " + current.id() + " has no component "
                        + customId + "; it has " + current.customIds()));
        if (component.path("type").asInt() != componentType) {
            throw new IllegalArgumentException(customId + " is a component of type "
                    + component.path("type").asInt());
        }
        if (component.path("disabled").asBoolean(false)) {
            throw new IllegalArgumentException(customId + " is disabled");
        }
        return current;
    }

    private LocalChannel channelOf(LocalMessage message) {
        synchronized (world.lock) {
            return world.channel(message.channelId()).orElseThrow();
        }
    }

    private InteractionHandle dispatch(
            int type,
            LocalMember member,
            LocalChannel channel,
            ObjectNode data,
            LocalMessage source,
            String description) {
        if (channel.isDirect() && channel.recipientId() != member.user().id()) {
            throw new IllegalArgumentException(member.name() + " is not in the DM of #" + channel.name());
        }
        if (!channel.isDirect() && channel.guildId() != member.guild().id()) {
            throw new IllegalArgumentException(member.name() + " is not a member of the server of #" + channel.name());
        }
        if (!gateway.hasSession()) {
            throw new IllegalStateException("the bot is not connected to the gateway");
        }
        ObjectNode payload;
        InteractionHandle handle;
        synchronized (world.lock) {
            long id = world.ids.next();
            String interactionToken = "itok." + Long.toUnsignedString(id) + "." + UUID.randomUUID();
            handle = new InteractionHandle(
                    id,
                    interactionToken,
                    type,
                    description + " by " + member.name(),
                    member,
                    channel,
                    source == null ? 0 : source.id());
            interactions.put(id, handle);
            interactionsByToken.put(interactionToken, handle);
            payload = json.createObjectNode()
                    .put("id", Long.toUnsignedString(id))
                    .put("application_id", world.bot.idString())
                    .put("type", type)
                    .put("token", interactionToken)
                    .put("version", 1);
            payload.set("data", data);
            Installation via = Installation.of(world, member, channel);
            if (channel.isDirect()) {
                payload.put("channel_id", channel.idString());
                payload.set("channel", discordJson.channel(channel, -1));
                payload.set("user", discordJson.user(member.user()));
            } else {
                payload.put("guild_id", member.guild().idString());
                payload.putObject("guild")
                        .put("id", member.guild().idString())
                        .put("locale", "en-US")
                        .putArray("features");
                payload.put("channel_id", channel.idString());
                payload.set("channel", discordJson.channel(channel, world.permissions(member)));
                payload.set("member", discordJson.member(member, true));
                payload.put("guild_locale", "en-US");
            }
            if (source != null) {
                payload.set("message", source.json().deepCopy());
            }
            payload.put("locale", "en-US");
            payload.put(
                    "app_permissions",
                    Long.toString(
                            via == Installation.GUILD
                                    ? world.permissions(
                                            world.botMember(member.guild().id()))
                                    : Installation.USER_APP_PERMISSIONS));
            payload.putArray("entitlements");
            ObjectNode owners = payload.putObject("authorizing_integration_owners");
            if (via == Installation.GUILD) {
                owners.put("0", member.guild().idString());
            } else {
                owners.put("1", member.user().idString());
            }
            payload.put("context", channel.isDirect() ? 1 : 0);
            payload.put("attachment_size_limit", 10 * 1024 * 1024);
        }
        LOG.info("interaction {} ({}) -> bot", handle.id(), handle);
        handle.dispatched(System.nanoTime());
        gateway.dispatch("INTERACTION_CREATE", payload);
        return handle;
    }

    /** Builds the {@code data} of a command or autocomplete interaction against the registered command. */
    private final class CommandPayload {
        private final LocalGuild guild;
        private final String path;
        private final ObjectNode command;
        private final ObjectNode resolved = json.createObjectNode();
        private final List<String> pathParts;

        CommandPayload(LocalMember member, LocalChannel channel, String path) {
            this.guild = member.guild();
            this.path = path.trim();
            this.pathParts = List.of(this.path.split("\\s+"));
            Installation via = Installation.of(world, member, channel);
            if (via == Installation.GUILD) {
                this.command = world.commands
                        .chatInput(guild.id(), pathParts.get(0))
                        .orElseThrow(() -> new IllegalArgumentException("no command /" + pathParts.get(0)
                                + " is registered in " + guild.name() + "; registered: "
                                + world.commands.chatInputNames(guild.id())));
            } else {
                int context = channel.isDirect() ? 1 : 0;
                String where = channel.isDirect() ? "a DM with the bot" : guild.name() + " (the bot is not in it)";
                this.command = world.commands
                        .chatInput(0, pathParts.get(0))
                        .filter(c -> Installation.offers(c, 1, context))
                        .orElseThrow(() -> new IllegalArgumentException("Discord does not offer /" + pathParts.get(0)
                                + " in " + where + ": it is not registered globally for user installs in that "
                                + "context"));
            }
        }

        ObjectNode build(Map<String, ?> values, String focused, String partial) {
            ObjectNode data = json.createObjectNode()
                    .put("id", command.path("id").asText())
                    .put("name", command.path("name").asText())
                    .put("type", 1);
            if (command.hasNonNull("guild_id")) {
                data.put("guild_id", command.path("guild_id").asText());
            }
            ArrayNode target = data.putArray("options");
            JsonNode declared = command.path("options");
            for (String part : pathParts.subList(1, pathParts.size())) {
                JsonNode level = declared;
                JsonNode sub = findOption(level, part)
                        .filter(o ->
                                o.path("type").asInt() == 1 || o.path("type").asInt() == 2)
                        .orElseThrow(() -> new IllegalArgumentException(
                                "/" + path + ": no subcommand (group) " + part + "; declared: " + names(level)));
                ObjectNode nested =
                        target.addObject().put("type", sub.path("type").asInt()).put("name", part);
                target = nested.putArray("options");
                declared = sub.path("options");
            }
            for (JsonNode option : declared) {
                int optionType = option.path("type").asInt();
                if (optionType == 1 || optionType == 2) {
                    throw new IllegalArgumentException("/" + path + " needs a subcommand: one of " + names(declared));
                }
            }
            Map<String, Object> remaining = new LinkedHashMap<>(values);
            for (JsonNode option : declared) {
                String name = option.path("name").asText();
                int optionType = option.path("type").asInt();
                if (name.equals(focused)) {
                    target.addObject()
                            .put("type", optionType)
                            .put("name", name)
                            .put("value", partial)
                            .put("focused", true);
                    continue;
                }
                Object value = remaining.remove(name);
                if (value == null) {
                    if (option.path("required").asBoolean(false) && focused == null) {
                        throw new IllegalArgumentException("/" + path + ": option " + name + " is required");
                    }
                    continue;
                }
                ObjectNode given = target.addObject().put("type", optionType).put("name", name);
                given.set("value", typedValue(option, value));
            }
            if (focused != null && findOption(declared, focused).isEmpty()) {
                throw new IllegalArgumentException("/" + path + ": no option " + focused + " to autocomplete");
            }
            if (!remaining.isEmpty()) {
                throw new IllegalArgumentException(
                        "/" + path + ": unknown options " + remaining.keySet() + "; declared: " + names(declared));
            }
            if (resolved.size() > 0) {
                data.set("resolved", resolved);
            }
            return data;
        }

        /** An ATTACHMENT option: the value is an uploaded file's id, the file itself in {@code resolved}. */
        private JsonNode resolveAttachment(String option, Object value) {
            if (!(value instanceof LocalAttachment file)) {
                throw new IllegalArgumentException(
                        "option " + option + " takes a file: attach one first (attach <file> in the playground)");
            }
            resolved.with("attachments").set(file.idString(), AttachmentServer.json(json, file));
            return json.getNodeFactory().textNode(file.idString());
        }

        private JsonNode typedValue(JsonNode option, Object value) {
            String name = option.path("name").asText();
            int type = option.path("type").asInt();
            JsonNode result = switch (type) {
                case 3 -> json.getNodeFactory().textNode(String.valueOf(value));
                case 4 ->
                    json.getNodeFactory()
                            .numberNode(value instanceof Number n ? n.longValue() : parseLong(name, value));
                case 10 ->
                    json.getNodeFactory()
                            .numberNode(value instanceof Number n ? n.doubleValue() : parseDouble(name, value));
                case 5 -> json.getNodeFactory().booleanNode(value instanceof Boolean b ? b : parseBoolean(name, value));
                case 6 -> resolveUser(name, value);
                case 7 -> resolveChannel(name, value, option);
                case 8 -> resolveRole(name, value);
                case 11 -> resolveAttachment(name, value);
                case 9 ->
                    value instanceof LocalRole
                                    || (value instanceof String s
                                            && roleNamed(s).isPresent())
                            ? resolveRole(name, value)
                            : resolveUser(name, value);
                default ->
                    throw new IllegalArgumentException(
                            "/" + path + ": option " + name + " has type " + type + ", not modelled");
            };
            JsonNode choices = option.path("choices");
            if (choices.isArray() && choices.size() > 0) {
                boolean allowed = false;
                for (JsonNode choice : choices) {
                    allowed |= choice.path("value").asText().equals(result.asText());
                }
                if (!allowed) {
                    throw new IllegalArgumentException("/" + path + ": option " + name + " must be one of " + choices);
                }
            }
            if ((type == 4 || type == 10)
                            && option.has("min_value")
                            && result.asDouble() < option.get("min_value").asDouble()
                    || (type == 4 || type == 10)
                            && option.has("max_value")
                            && result.asDouble() > option.get("max_value").asDouble()) {
                throw new IllegalArgumentException("/" + path + ": option " + name + " out of range: " + result);
            }
            if (type == 3
                    && (option.has("max_length")
                                    && result.asText().length()
                                            > option.get("max_length").asInt()
                            || option.has("min_length")
                                    && result.asText().length()
                                            < option.get("min_length").asInt())) {
                throw new IllegalArgumentException("/" + path + ": option " + name + " has the wrong length");
            }
            return result;
        }

        private JsonNode resolveUser(String option, Object value) {
            LocalUser user;
            if (value instanceof LocalUser u) {
                user = u;
            } else if (value instanceof LocalMember m) {
                user = m.user();
            } else {
                String key = String.valueOf(value);
                user = world.userNamed(key)
                        .orElseThrow(() -> new IllegalArgumentException("option " + option + ": no user " + key));
            }
            resolved.with("users").set(user.idString(), discordJson.user(user));
            LocalMember member = world.member(guild.id(), user.id()).orElse(null);
            if (member != null) {
                ObjectNode partial = discordJson.member(member, true);
                partial.remove("user");
                partial.remove("deaf");
                partial.remove("mute");
                resolved.with("members").set(user.idString(), partial);
            }
            return json.getNodeFactory().textNode(user.idString());
        }

        private JsonNode resolveChannel(String option, Object value, JsonNode declaration) {
            LocalChannel channel;
            if (value instanceof LocalChannel c) {
                channel = c;
            } else {
                String key = String.valueOf(value).replaceFirst("^#", "");
                channel = world.channelNamed(guild.id(), key)
                        .orElseThrow(() -> new IllegalArgumentException("option " + option + ": no channel " + key));
            }
            JsonNode allowedTypes = declaration.path("channel_types");
            if (allowedTypes.isArray() && allowedTypes.size() > 0) {
                boolean allowed = false;
                for (JsonNode t : allowedTypes) {
                    allowed |= t.asInt() == channel.type();
                }
                if (!allowed) {
                    throw new IllegalArgumentException("option " + option + " takes channel types " + allowedTypes);
                }
            }
            ObjectNode partial = json.createObjectNode()
                    .put("id", channel.idString())
                    .put("name", channel.name())
                    .put("type", channel.type())
                    .put("permissions", Long.toString(LocalWorld.EVERYONE_PERMISSIONS));
            if (channel.isThread()) {
                partial.put("parent_id", Long.toUnsignedString(channel.parentId()));
                partial.set("thread_metadata", discordJson.threadMetadata());
            }
            resolved.with("channels").set(channel.idString(), partial);
            return json.getNodeFactory().textNode(channel.idString());
        }

        private JsonNode resolveRole(String option, Object value) {
            LocalRole role = value instanceof LocalRole r
                    ? r
                    : roleNamed(String.valueOf(value).replaceFirst("^@", ""))
                            .orElseThrow(() -> new IllegalArgumentException(
                                    "option " + option + ": no role " + String.valueOf(value)));
            resolved.with("roles").set(Long.toUnsignedString(role.id()), discordJson.role(role));
            return json.getNodeFactory().textNode(Long.toUnsignedString(role.id()));
        }

        private Optional<LocalRole> roleNamed(String key) {
            return world.roleNamed(guild.id(), key);
        }

        private long parseLong(String option, Object value) {
            try {
                return Long.parseLong(String.valueOf(value).trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("option " + option + " takes an integer, not " + value, e);
            }
        }

        private double parseDouble(String option, Object value) {
            try {
                return Double.parseDouble(String.valueOf(value).trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("option " + option + " takes a number, not " + value, e);
            }
        }

        private boolean parseBoolean(String option, Object value) {
            String text = String.valueOf(value).trim();
            if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
                return Boolean.parseBoolean(text);
            }
            throw new IllegalArgumentException("option " + option + " takes true or false, not " + value);
        }
    }

    private static Optional<JsonNode> findOption(JsonNode declared, String name) {
        for (JsonNode option : declared) {
            if (name.equals(option.path("name").asText())) {
                return Optional.of(option);
            }
        }
        return Optional.empty();
    }

    private static List<String> names(JsonNode declared) {
        List<String> names = new ArrayList<>();
        declared.forEach(o -> names.add(o.path("name").asText()));
        return names;
    }
}
