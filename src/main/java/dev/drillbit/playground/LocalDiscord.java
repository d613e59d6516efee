package dev.drillbit.playground;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drillbit.playground.RestServer.Call;
import dev.drillbit.playground.RestServer.DiscordError;
import dev.drillbit.playground.RestServer.Reply;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local stand-in for Discord: a REST server and a gateway on 127.0.0.1 (ephemeral ports) that speak
 * enough of API v10 for the real, unmodified JDA client to log in, receive interactions and send its
 * REST calls, plus an in-memory model (guilds, channels, roles, members, messages) that tests and the
 * playground drive and inspect.
 *
 * <p>Typical use: create the world ({@link #guild}, {@link #channel}, {@link #member}), point JDA at
 * {@link #restBaseUrl()} and {@link #gatewayUrl()} with {@link #botToken()}, wait for
 * {@link #awaitCommand}, then act as a member ({@link #slash}, {@link #click}, {@link #select},
 * {@link #submitModal}, {@link #autocomplete}) and await the bot's answer on the returned
 * {@link InteractionHandle}.
 *
 * <p>Threading: thread-safe. The model is guarded by one lock; REST requests arrive on a small pool and
 * gateway frames on Java-WebSocket's threads. {@link #onMessage} listeners run on the REST thread that
 * created or edited the message, outside the lock, and must not block.
 */
public final class LocalDiscord implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LocalDiscord.class);
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx").withZone(ZoneOffset.UTC);

    /** Discord permission bits the model uses. */
    public static final long ADMINISTRATOR = 1L << 3;

    public static final long MANAGE_GUILD = 1L << 5;
    static final long ADD_REACTIONS = 1L << 6;
    static final long VIEW_CHANNEL = 1L << 10;
    static final long SEND_MESSAGES = 1L << 11;
    static final long MANAGE_MESSAGES = 1L << 13;
    static final long EMBED_LINKS = 1L << 14;
    static final long ATTACH_FILES = 1L << 15;
    static final long READ_MESSAGE_HISTORY = 1L << 16;
    static final long USE_EXTERNAL_EMOJIS = 1L << 18;
    static final long USE_APPLICATION_COMMANDS = 1L << 31;
    static final long MANAGE_THREADS = 1L << 34;
    static final long CREATE_PUBLIC_THREADS = 1L << 35;
    static final long CREATE_PRIVATE_THREADS = 1L << 36;
    static final long SEND_MESSAGES_IN_THREADS = 1L << 38;
    static final long EVERYONE_PERMISSIONS = VIEW_CHANNEL
            | SEND_MESSAGES
            | EMBED_LINKS
            | ATTACH_FILES
            | READ_MESSAGE_HISTORY
            | ADD_REACTIONS
            | USE_EXTERNAL_EMOJIS
            | USE_APPLICATION_COMMANDS
            | CREATE_PUBLIC_THREADS
            | SEND_MESSAGES_IN_THREADS;
    static final long BOT_PERMISSIONS =
            EVERYONE_PERMISSIONS | MANAGE_MESSAGES | MANAGE_THREADS | CREATE_PRIVATE_THREADS;

    private final ObjectMapper json = new ObjectMapper();
    /** Discord's own clock, real time: what ids and timestamps carry. */
    private final Clock wallClock;

    private final Snowflakes ids;
    private final String token;
    private final LocalUser bot;
    private final Object lock = new Object();
    private final Map<Long, LocalUser> users = new LinkedHashMap<>();
    private final Map<Long, LocalGuild> guilds = new LinkedHashMap<>();
    private final Map<Long, List<LocalRole>> roles = new LinkedHashMap<>();
    private final Map<Long, LocalChannel> channels = new LinkedHashMap<>();
    private final Map<Long, Map<Long, LocalMember>> members = new LinkedHashMap<>();
    private final Map<Long, List<Long>> messageOrder = new LinkedHashMap<>();
    private final Map<Long, LocalMessage> messages = new LinkedHashMap<>();
    private final Map<Long, InteractionHandle> interactions = new LinkedHashMap<>();
    private final Map<String, InteractionHandle> interactionsByToken = new LinkedHashMap<>();
    /** Users who accept no direct messages from the bot (privacy settings, or the bot blocked). */
    private final java.util.Set<Long> directMessagesClosed = new java.util.HashSet<>();

    private final CommandCatalog commands;
    private final List<Consumer<Posted>> listeners = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Void> connected = new CompletableFuture<>();
    private final RestServer rest;
    private final AttachmentServer attachments;
    private final GatewayServer gateway;

    /** Starts a stand-in whose bot is called "drillbit", on the real clock as Discord is. */
    public static LocalDiscord start() {
        return start("drillbit", Clock.systemUTC());
    }

    /**
     * Starts a stand-in; both servers are listening when this returns. {@code wallClock} is Discord's own
     * clock: every id it mints and every timestamp it writes reads it at that moment. JDA checks an
     * interaction's age against the real clock, so anything but {@link Clock#systemUTC()} is for tests of
     * the stand-in itself; the bot's adjustable clock (tests, the playground's {@code clock}) is the bot's
     * and never Discord's.
     */
    public static LocalDiscord start(String botName, Clock wallClock) {
        try {
            return new LocalDiscord(botName, wallClock);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the local Discord stand-in", e);
        }
    }

    private LocalDiscord(String botName, Clock wallClock) throws IOException {
        this.wallClock = Objects.requireNonNull(wallClock, "wallClock");
        this.ids = new Snowflakes(wallClock);
        this.bot = new LocalUser(ids.next(), botName, true);
        users.put(bot.id(), bot);
        this.token = "local." + bot.idString() + "." + UUID.randomUUID();
        this.commands = new CommandCatalog(bot.id(), ids::next);
        this.rest = new RestServer(json);
        this.attachments = new AttachmentServer(bot.id(), ids::next);
        registerRoutes();
        this.gateway = new GatewayServer(
                json, new GatewaySessions(), () -> UUID.randomUUID().toString().replace("-", ""));
        rest.start();
        try {
            gateway.startAndAwait();
        } catch (IOException e) {
            rest.stop();
            throw e;
        }
        LOG.info("local Discord stand-in up: rest {} gateway {}", rest.baseUrl(), gateway.url());
    }

    // ------------------------------------------------------------------ endpoints and identity

    /** What {@code RestConfig#setBaseUrl} takes, e.g. {@code http://127.0.0.1:PORT/api/v10/}. */
    public String restBaseUrl() {
        return rest.baseUrl();
    }

    /** The gateway, e.g. {@code ws://127.0.0.1:PORT}. */
    public String gatewayUrl() {
        return gateway.url();
    }

    /** The token the bot logs in with. The stand-in does not check {@code Authorization} (yet); any token works. */
    public String botToken() {
        return token;
    }

    public LocalUser botUser() {
        return bot;
    }

    public long applicationId() {
        return bot.id();
    }

    /**
     * Uploads a file as a member does when filling a slash command's ATTACHMENT option; pass the result as
     * that option's value. The bot downloads it from {@link LocalAttachment#url()}, served by the stand-in.
     */
    public LocalAttachment attach(String filename, String contentType, byte[] bytes) {
        return attachments.upload(filename, contentType, bytes);
    }

    /** Completes when the bot identified on the gateway and received READY and its guilds. */
    public CompletableFuture<Void> connected() {
        return connected;
    }

    @Override
    public void close() {
        try {
            gateway.stop(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        rest.stop();
        attachments.close();
        LOG.info("local Discord stand-in stopped");
    }

    // ------------------------------------------------------------------ building the world

    /** Creates a guild with {@code @everyone}, an admin role and the bot as a member. */
    public LocalGuild guild(String name) {
        synchronized (lock) {
            return guild(name, ids.next());
        }
    }

    /** A guild with a given id, for a world that must keep its ids across runs (the playground's). */
    public LocalGuild guild(String name, long guildId) {
        LocalGuild guild;
        ObjectNode event;
        synchronized (lock) {
            LocalUser owner = newUser(name + " owner");
            guild = new LocalGuild(guildId, name, owner.id(), ids.next(), ids.next());
            guilds.put(guildId, guild);
            List<LocalRole> guildRoles = new ArrayList<>();
            guildRoles.add(new LocalRole(guildId, guildId, "@everyone", EVERYONE_PERMISSIONS, 0));
            guildRoles.add(new LocalRole(guild.adminRoleId(), guildId, "Admin", ADMINISTRATOR | MANAGE_GUILD, 2));
            guildRoles.add(new LocalRole(guild.botRoleId(), guildId, bot.name(), BOT_PERMISSIONS, 1));
            roles.put(guildId, guildRoles);
            members.put(guildId, new LinkedHashMap<>());
            members.get(guildId).put(bot.id(), new LocalMember(guild, bot, List.of(guild.botRoleId())));
            lock.notifyAll();
            event = guildCreateJson(guild);
        }
        announceToBot("GUILD_CREATE", event);
        return guild;
    }

    /**
     * Tells a connected bot about a change made after it connected, as Discord would. Members joining are
     * not announced: GUILD_MEMBER_ADD needs the privileged GUILD_MEMBERS intent, which the bot does not use.
     */
    private void announceToBot(String type, ObjectNode event) {
        if (gateway.hasSession()) {
            gateway.dispatch(type, event);
        }
    }

    /** Creates a text channel (announced with CHANNEL_CREATE if the bot is connected). */
    public LocalChannel channel(LocalGuild guild, String name) {
        synchronized (lock) {
            return channel(guild, name, ids.next());
        }
    }

    /** A text channel with a given id, for a world that must keep its ids across runs. */
    public LocalChannel channel(LocalGuild guild, String name, long channelId) {
        LocalChannel channel;
        ObjectNode event;
        synchronized (lock) {
            channel = new LocalChannel(channelId, guild.id(), name, LocalChannel.GUILD_TEXT, 0, 0);
            channels.put(channel.id(), channel);
            messageOrder.put(channel.id(), new ArrayList<>());
            event = channelJson(channel, -1);
            lock.notifyAll();
        }
        announceToBot("CHANNEL_CREATE", event);
        return channel;
    }

    /**
     * Deletes a channel as a moderator would (announced with CHANNEL_DELETE if the bot is connected); its
     * messages go with it, and requests for it then fail with Unknown Channel, as on Discord.
     */
    public void deleteChannel(LocalChannel channel) {
        ObjectNode event;
        synchronized (lock) {
            if (!channels.containsKey(channel.id())) {
                throw new IllegalArgumentException("no channel " + channel.name());
            }
            event = channelJson(channel, -1);
            channels.remove(channel.id());
            List<Long> gone = messageOrder.remove(channel.id());
            if (gone != null) {
                gone.forEach(messages::remove);
            }
            lock.notifyAll();
        }
        announceToBot("CHANNEL_DELETE", event);
    }

    /** Creates a user and their membership; admins get the guild's admin role (ADMINISTRATOR, MANAGE_SERVER). */
    public LocalMember member(LocalGuild guild, String name, boolean admin) {
        synchronized (lock) {
            return member(guild, name, admin, ids.next());
        }
    }

    /** A member whose user has a given id, for a world that must keep its ids across runs. */
    public LocalMember member(LocalGuild guild, String name, boolean admin, long userId) {
        synchronized (lock) {
            LocalUser user = newUser(name, userId);
            LocalMember member = new LocalMember(guild, user, admin ? List.of(guild.adminRoleId()) : List.of());
            members.get(guild.id()).put(user.id(), member);
            lock.notifyAll();
            return member;
        }
    }

    /** Creates a role with the given permission bits (announced with GUILD_ROLE_CREATE if the bot is connected). */
    public LocalRole role(LocalGuild guild, String name, long permissions) {
        synchronized (lock) {
            return role(guild, name, permissions, ids.next());
        }
    }

    /** A role with a given id, for a world that must keep its ids across runs. */
    public LocalRole role(LocalGuild guild, String name, long permissions, long roleId) {
        LocalRole role;
        ObjectNode event = json.createObjectNode().put("guild_id", guild.idString());
        synchronized (lock) {
            List<LocalRole> guildRoles = roles.get(guild.id());
            role = new LocalRole(roleId, guild.id(), name, permissions, guildRoles.size());
            guildRoles.add(role);
            event.set("role", roleJson(role));
        }
        announceToBot("GUILD_ROLE_CREATE", event);
        return role;
    }

    private LocalUser newUser(String name) {
        return newUser(name, ids.next());
    }

    private LocalUser newUser(String name, long id) {
        if (users.containsKey(id) || guilds.containsKey(id) || channels.containsKey(id)) {
            throw new IllegalArgumentException("id " + id + " is already taken");
        }
        LocalUser user = new LocalUser(id, name, false);
        users.put(user.id(), user);
        return user;
    }

    // ------------------------------------------------------------------ queries

    /** Messages of a channel in order of creation, each in its latest version. */
    public List<LocalMessage> messages(LocalChannel channel) {
        synchronized (lock) {
            return messageOrder.getOrDefault(channel.id(), List.of()).stream()
                    .map(messages::get)
                    .toList();
        }
    }

    public Optional<LocalMessage> message(long messageId) {
        synchronized (lock) {
            return Optional.ofNullable(messages.get(messageId));
        }
    }

    /** The newest message of the channel that this member can see (ephemeral ones only if theirs). */
    public Optional<LocalMessage> latestVisibleTo(LocalMember member, LocalChannel channel) {
        List<LocalMessage> all = messages(channel);
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i).visibleTo(member.user())) {
                return Optional.of(all.get(i));
            }
        }
        return Optional.empty();
    }

    /** Channels, including threads and DMs, in order of creation. */
    /** A guild's roles, {@code @everyone} first. */
    public List<LocalRole> roles(LocalGuild guild) {
        synchronized (lock) {
            return List.copyOf(roles.getOrDefault(guild.id(), List.of()));
        }
    }

    public List<LocalChannel> channels() {
        synchronized (lock) {
            return List.copyOf(channels.values());
        }
    }

    /**
     * The user closes their direct messages to the bot, as a member who turned off "direct messages from
     * server members" would: the bot can still open the DM channel, but sending to it fails with Discord's
     * error 50007, "Cannot send messages to this user".
     */
    public void closeDirectMessages(LocalUser user) {
        synchronized (lock) {
            directMessagesClosed.add(user.id());
        }
    }

    /** The DM channel the bot opened with this user, if any. */
    public Optional<LocalChannel> directChannel(LocalUser user) {
        synchronized (lock) {
            return channels.values().stream()
                    .filter(c -> c.isDirect() && c.recipientId() == user.id())
                    .findFirst();
        }
    }

    /** Every REST request the bot made so far, in arrival order. */
    public List<RecordedRequest> requests() {
        return rest.recorded();
    }

    /** The registered chat-input command with this name (guild command first, then global). */
    /** Every chat-input command the bot registered for {@code guild} (guild and global), by name. */
    public List<JsonNode> commands(LocalGuild guild) {
        synchronized (lock) {
            return commands.chatInputNames(guild.id()).stream()
                    .map(name -> commands.chatInput(guild.id(), name))
                    .flatMap(Optional::stream)
                    .<JsonNode>map(ObjectNode::deepCopy)
                    .toList();
        }
    }

    public Optional<JsonNode> command(LocalGuild guild, String name) {
        synchronized (lock) {
            return commands.chatInput(guild.id(), name).map(ObjectNode::deepCopy);
        }
    }

    /** Blocks (without sleeping: on the model's monitor) until the bot registered this command. */
    public JsonNode awaitCommand(LocalGuild guild, String name, Duration timeout) {
        return awaitState(
                () -> commands.chatInput(guild.id(), name).map(ObjectNode::deepCopy), timeout, "command /" + name);
    }

    /** Blocks until a message of the channel matches, and returns it. */
    public LocalMessage awaitMessage(LocalChannel channel, Predicate<LocalMessage> condition, Duration timeout) {
        return awaitState(
                () -> messageOrder.getOrDefault(channel.id(), List.of()).stream()
                        .map(messages::get)
                        .filter(condition)
                        .reduce((first, second) -> second),
                timeout,
                "a matching message in #" + channel.name());
    }

    /** Listens to every message the bot creates or edits (e.g. so the playground can print it). */
    public void onMessage(Consumer<Posted> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    private <T> T awaitState(java.util.function.Supplier<Optional<T>> probe, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (true) {
                Optional<T> found = probe.get();
                if (found.isPresent()) {
                    return found.get();
                }
                long remainingMillis = (deadline - System.nanoTime()) / 1_000_000;
                if (remainingMillis <= 0) {
                    throw new AssertionError("timed out after " + timeout + " waiting for " + what);
                }
                try {
                    lock.wait(remainingMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted waiting for " + what, e);
                }
            }
        }
    }

    // ------------------------------------------------------------------ acting as a member

    /** {@code /command} without options. {@code command} may name a subcommand: "quiz start", "admin config set". */
    public InteractionHandle slash(LocalMember member, LocalChannel channel, String command) {
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
    public InteractionHandle slash(LocalMember member, LocalChannel channel, String command, Map<String, ?> options) {
        ObjectNode data;
        synchronized (lock) {
            data = new CommandPayload(member.guild(), command).build(options, null, null);
        }
        return dispatch(2, member, channel, data, null, "/" + command);
    }

    /**
     * Asks the bot for autocomplete choices while the member types {@code partial} into option
     * {@code focusedOption}; other options already filled can be given too.
     */
    public InteractionHandle autocomplete(
            LocalMember member,
            LocalChannel channel,
            String command,
            String focusedOption,
            String partial,
            Map<String, ?> others) {
        ObjectNode data;
        synchronized (lock) {
            data = new CommandPayload(member.guild(), command).build(others, focusedOption, partial);
        }
        return dispatch(4, member, channel, data, null, "autocomplete /" + command + " " + focusedOption);
    }

    /** Clicks the button with this custom id on a message the member can see. */
    public InteractionHandle click(LocalMember member, LocalMessage message, String customId) {
        LocalMessage current = visibleComponentMessage(member, message, customId, 2);
        ObjectNode data = json.createObjectNode().put("custom_id", customId).put("component_type", 2);
        return dispatch(3, member, channelOf(current), data, current, "click " + customId);
    }

    /** Chooses these values in the string select menu with this custom id. */
    public InteractionHandle select(LocalMember member, LocalMessage message, String customId, String... values) {
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
    public InteractionHandle submitModal(
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
        synchronized (lock) {
            return channels.get(message.channelId());
        }
    }

    private InteractionHandle dispatch(
            int type,
            LocalMember member,
            LocalChannel channel,
            ObjectNode data,
            LocalMessage source,
            String description) {
        if (channel.isDirect()) {
            throw new UnsupportedOperationException("interactions in DMs are not modelled yet");
        }
        if (!gateway.hasSession()) {
            throw new IllegalStateException("the bot is not connected to the gateway");
        }
        ObjectNode payload;
        InteractionHandle handle;
        synchronized (lock) {
            long id = ids.next();
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
                    .put("application_id", bot.idString())
                    .put("type", type)
                    .put("token", interactionToken)
                    .put("version", 1);
            payload.set("data", data);
            payload.put("guild_id", member.guild().idString());
            payload.putObject("guild")
                    .put("id", member.guild().idString())
                    .put("locale", "en-US")
                    .putArray("features");
            payload.put("channel_id", channel.idString());
            payload.set("channel", channelJson(channel, permissions(member)));
            payload.set("member", memberJson(member, true));
            if (source != null) {
                payload.set("message", source.json().deepCopy());
            }
            payload.put("locale", "en-US").put("guild_locale", "en-US");
            payload.put(
                    "app_permissions",
                    Long.toString(permissions(members.get(member.guild().id()).get(bot.id()))));
            payload.putArray("entitlements");
            payload.putObject("authorizing_integration_owners")
                    .put("0", member.guild().idString());
            payload.put("context", 0);
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

        CommandPayload(LocalGuild guild, String path) {
            this.guild = guild;
            this.path = path.trim();
            this.pathParts = List.of(this.path.split("\\s+"));
            this.command = commands.chatInput(guild.id(), pathParts.get(0))
                    .orElseThrow(
                            () -> new IllegalArgumentException("no command /" + pathParts.get(0) + " is registered in "
                                    + guild.name() + "; registered: " + commands.chatInputNames(guild.id())));
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
                user = users.values().stream()
                        .filter(u -> u.name().equals(key) || u.idString().equals(key))
                        .findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("option " + option + ": no user " + key));
            }
            resolved.with("users").set(user.idString(), userJson(user));
            LocalMember member = members.get(guild.id()).get(user.id());
            if (member != null) {
                ObjectNode partial = memberJson(member, true);
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
                channel = channels.values().stream()
                        .filter(c -> c.guildId() == guild.id()
                                && (c.name().equals(key) || c.idString().equals(key)))
                        .findFirst()
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
                    .put("permissions", Long.toString(EVERYONE_PERMISSIONS));
            if (channel.isThread()) {
                partial.put("parent_id", Long.toUnsignedString(channel.parentId()));
                partial.set("thread_metadata", threadMetadata());
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
            resolved.with("roles").set(Long.toUnsignedString(role.id()), roleJson(role));
            return json.getNodeFactory().textNode(Long.toUnsignedString(role.id()));
        }

        private Optional<LocalRole> roleNamed(String key) {
            return roles.get(guild.id()).stream()
                    .filter(r -> r.name().equals(key)
                            || Long.toUnsignedString(r.id()).equals(key))
                    .findFirst();
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

    // ------------------------------------------------------------------ Discord-shaped JSON

    private ObjectNode userJson(LocalUser user) {
        ObjectNode node = json.createObjectNode()
                .put("id", user.idString())
                .put("username", user.name())
                .put("discriminator", "0")
                .put("global_name", user.name())
                .putNull("avatar")
                .put("public_flags", 0);
        if (user.bot()) {
            node.put("bot", true);
        }
        return node;
    }

    private ObjectNode memberJson(LocalMember member, boolean withPermissions) {
        ObjectNode node = json.createObjectNode();
        node.set("user", userJson(member.user()));
        node.putNull("nick");
        node.putNull("avatar");
        ArrayNode roleIds = node.putArray("roles");
        member.roleIds().forEach(r -> roleIds.add(Long.toUnsignedString(r)));
        node.put("joined_at", TIMESTAMP.format(Instant.ofEpochMilli(Snowflakes.epochMillis(member.id()))));
        node.putNull("premium_since");
        node.put("deaf", false).put("mute", false).put("flags", 0).put("pending", false);
        node.putNull("communication_disabled_until");
        if (withPermissions) {
            node.put("permissions", Long.toString(permissions(member)));
        }
        return node;
    }

    private long permissions(LocalMember member) {
        long bits = 0;
        for (LocalRole role : roles.get(member.guild().id())) {
            if (role.isEveryone() || member.roleIds().contains(role.id())) {
                bits |= role.permissions();
            }
        }
        return bits;
    }

    private ObjectNode roleJson(LocalRole role) {
        ObjectNode node = json.createObjectNode()
                .put("id", Long.toUnsignedString(role.id()))
                .put("name", role.name())
                .put("color", 0);
        node.putObject("colors")
                .put("primary_color", 0)
                .putNull("secondary_color")
                .putNull("tertiary_color");
        node.put("hoist", false).putNull("icon");
        node.putNull("unicode_emoji");
        node.put("position", role.position())
                .put("permissions", Long.toString(role.permissions()))
                .put("managed", false)
                .put("mentionable", false)
                .put("flags", 0);
        return node;
    }

    private ObjectNode channelJson(LocalChannel channel, long permissions) {
        ObjectNode node = json.createObjectNode().put("id", channel.idString()).put("type", channel.type());
        if (channel.isDirect()) {
            node.putNull("last_message_id");
            node.put("flags", 0);
            node.putArray("recipients").add(userJson(users.get(channel.recipientId())));
            return node;
        }
        node.put("guild_id", Long.toUnsignedString(channel.guildId()))
                .put("name", channel.name())
                .put("position", 0)
                .put("flags", 0)
                .put("rate_limit_per_user", 0)
                .put("nsfw", false);
        node.putNull("last_message_id");
        if (channel.isThread()) {
            node.put("parent_id", Long.toUnsignedString(channel.parentId()))
                    .put("owner_id", bot.idString())
                    .put(
                            "message_count",
                            messageOrder.getOrDefault(channel.id(), List.of()).size())
                    .put("member_count", 1)
                    .put(
                            "total_message_sent",
                            messageOrder.getOrDefault(channel.id(), List.of()).size());
            node.set("thread_metadata", threadMetadata());
        } else {
            node.putNull("parent_id");
            node.putNull("topic");
            node.putArray("permission_overwrites");
        }
        if (permissions >= 0) {
            node.put("permissions", Long.toString(permissions));
        }
        return node;
    }

    private ObjectNode threadMetadata() {
        String now = now();
        return json.createObjectNode()
                .put("archived", false)
                .put("auto_archive_duration", 1440)
                .put("archive_timestamp", now)
                .put("locked", false)
                .put("create_timestamp", now);
    }

    private ObjectNode guildCreateJson(LocalGuild guild) {
        ObjectNode node = json.createObjectNode()
                .put("id", guild.idString())
                .put("name", guild.name())
                .putNull("icon")
                .putNull("splash")
                .putNull("banner")
                .putNull("description")
                .put("owner_id", Long.toUnsignedString(guild.ownerId()))
                .putNull("afk_channel_id")
                .put("afk_timeout", 300)
                .put("verification_level", 0)
                .put("default_message_notifications", 0)
                .put("explicit_content_filter", 0)
                .put("mfa_level", 0)
                .putNull("system_channel_id")
                .put("system_channel_flags", 0)
                .putNull("rules_channel_id")
                .putNull("public_updates_channel_id")
                .putNull("safety_alerts_channel_id")
                .putNull("vanity_url_code")
                .put("premium_tier", 0)
                .put("premium_subscription_count", 0)
                .put("preferred_locale", "en-US")
                .put("nsfw_level", 0)
                .put("premium_progress_bar_enabled", false)
                .put("max_members", 500000)
                .put("joined_at", now())
                .put("large", false)
                .put("unavailable", false)
                .put("member_count", members.get(guild.id()).size());
        node.putArray("features");
        ArrayNode roleArray = node.putArray("roles");
        roles.get(guild.id()).forEach(r -> roleArray.add(roleJson(r)));
        node.putArray("emojis");
        node.putArray("stickers");
        node.putArray("voice_states");
        node.putArray("presences");
        node.putArray("stage_instances");
        node.putArray("guild_scheduled_events");
        node.putArray("soundboard_sounds");
        node.putArray("members").add(memberJson(members.get(guild.id()).get(bot.id()), false));
        ArrayNode channelArray = node.putArray("channels");
        ArrayNode threadArray = node.putArray("threads");
        for (LocalChannel channel : channels.values()) {
            if (channel.guildId() == guild.id()) {
                ObjectNode channelNode = channelJson(channel, -1);
                (channel.isThread() ? threadArray : channelArray).add(channelNode);
            }
        }
        return node;
    }

    private final class GatewaySessions implements GatewayServer.Sessions {
        @Override
        public ObjectNode ready(String sessionId, String resumeUrl) {
            synchronized (lock) {
                ObjectNode ready = json.createObjectNode().put("v", 10);
                ObjectNode user = userJson(bot)
                        .put("verified", true)
                        .put("mfa_enabled", false)
                        .put("flags", 0);
                ready.set("user", user);
                ArrayNode guildArray = ready.putArray("guilds");
                guilds.values()
                        .forEach(g ->
                                guildArray.addObject().put("id", g.idString()).put("unavailable", true));
                ready.put("session_id", sessionId)
                        .put("resume_gateway_url", resumeUrl)
                        .put("session_type", "normal");
                ready.putArray("shard").add(0).add(1);
                ready.putObject("application").put("id", bot.idString()).put("flags", 0);
                ready.putArray("private_channels");
                ready.putArray("presences");
                ready.putArray("relationships");
                ready.putArray("guild_join_requests");
                ready.putObject("user_settings");
                ready.putArray("_trace").add("[\"local-discord\"]");
                return ready;
            }
        }

        @Override
        public List<ObjectNode> guildCreates() {
            synchronized (lock) {
                return guilds.values().stream()
                        .map(LocalDiscord.this::guildCreateJson)
                        .toList();
            }
        }

        @Override
        public void identified() {
            connected.complete(null);
        }
    }

    private String now() {
        return TIMESTAMP.format(wallClock.instant());
    }

    // ------------------------------------------------------------------ messages

    /**
     * Stores a new message from the bot. Must hold the lock. {@code interaction} is null for plain channel
     * messages.
     */
    private LocalMessage createMessage(
            LocalChannel channel,
            JsonNode body,
            List<RecordedRequest.FilePart> files,
            int type,
            InteractionHandle interaction,
            long visibleTo) {
        long id = ids.next();
        ObjectNode node = json.createObjectNode()
                .put("id", Long.toUnsignedString(id))
                .put("type", type)
                .put("channel_id", channel.idString());
        node.set("author", userJson(bot));
        node.put("content", body.path("content").asText(""));
        node.set("embeds", embeds(body.path("embeds")));
        node.set("components", numberComponents(body.path("components")));
        node.set("attachments", attachments(body.path("attachments"), files, json.createArrayNode()));
        node.putArray("mentions");
        node.putArray("mention_roles");
        node.put("mention_everyone", false)
                .put("pinned", false)
                .put("tts", body.path("tts").asBoolean(false));
        node.put("timestamp", now());
        node.putNull("edited_timestamp");
        node.put("flags", body.path("flags").asInt(0));
        if (interaction != null) {
            node.put("webhook_id", bot.idString());
            node.put("application_id", bot.idString());
            ObjectNode metadata = node.putObject("interaction_metadata")
                    .put("id", Long.toUnsignedString(interaction.id()))
                    .put("type", interaction.type());
            metadata.set("user", userJson(interaction.member().user()));
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
        lock.notifyAll();
        return message;
    }

    /** Applies an edit (PATCH body or UPDATE_MESSAGE data) to a stored message. Must hold the lock. */
    private LocalMessage editMessage(
            LocalMessage current, JsonNode body, List<RecordedRequest.FilePart> files, boolean clearLoading) {
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
        node.put("edited_timestamp", now());
        LocalMessage edited =
                new LocalMessage(current.id(), current.channelId(), current.visibleTo(), current.revision() + 1, node);
        messages.put(current.id(), edited);
        lock.notifyAll();
        return edited;
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
        long id = ids.next();
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

    private void announce(LocalMessage message, boolean edit) {
        LocalChannel channel;
        synchronized (lock) {
            channel = channels.get(message.channelId());
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

    // ------------------------------------------------------------------ REST routes

    private void registerRoutes() {
        rest.route("GET", "/users/@me", this::getSelf);
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
        return Reply.ok(userJson(bot)
                .put("verified", true)
                .put("mfa_enabled", false)
                .put("flags", 0)
                .put("locale", "en-US"));
    }

    private ObjectNode applicationJson() {
        ObjectNode app = json.createObjectNode()
                .put("id", bot.idString())
                .put("name", bot.name())
                .putNull("icon")
                .put("description", "local stand-in application")
                .put("summary", "")
                .put("bot_public", false)
                .put("bot_require_code_grant", false)
                .put("verify_key", "0".repeat(64))
                .put("flags", 0)
                .putNull("team");
        app.set(
                "owner",
                userJson(users.values().stream()
                        .filter(u -> !u.bot())
                        .findFirst()
                        .orElse(bot)));
        app.set("bot", userJson(bot));
        app.putArray("tags");
        app.putArray("redirect_uris");
        return app;
    }

    private void requireApplication(Call call) {
        if (!bot.idString().equals(call.param("application_id"))) {
            throw new DiscordError(404, 10002, "Unknown Application");
        }
    }

    private Reply listCommands(Call call, long guildId) {
        requireApplication(call);
        synchronized (lock) {
            return Reply.ok(json.valueToTree(commands.list(guildId)));
        }
    }

    private Reply replaceCommands(Call call, long guildId) {
        requireApplication(call);
        if (!call.body().isArray()) {
            throw new DiscordError(400, 50035, "Invalid Form Body: expected an array of commands");
        }
        synchronized (lock) {
            List<ObjectNode> stored = commands.replace(guildId, call.body());
            lock.notifyAll();
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
        synchronized (lock) {
            ObjectNode stored = commands.upsert(guildId, call.body());
            lock.notifyAll();
            return new Reply(201, stored);
        }
    }

    private Reply deleteCommand(Call call, long guildId) {
        requireApplication(call);
        synchronized (lock) {
            if (!commands.delete(guildId, call.id("command_id"))) {
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
        synchronized (lock) {
            handle = interactions.get(call.id("interaction_id"));
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
                    created = createMessage(
                            handle.channel(), data, call.request().files(), messageType, handle, visibleTo);
                case 5 -> {
                    ObjectNode loading = json.createObjectNode()
                            .put("content", "")
                            .put(
                                    "flags",
                                    LocalMessage.LOADING | (data.path("flags").asInt(0) & LocalMessage.EPHEMERAL));
                    created = createMessage(handle.channel(), loading, List.of(), messageType, handle, visibleTo);
                }
                case 7 -> {
                    LocalMessage source = messages.get(handle.sourceMessageId());
                    if (source == null) {
                        throw new DiscordError(
                                400,
                                50035,
                                "UPDATE_MESSAGE is only valid for component and modal interactions on a message");
                    }
                    edited = editMessage(source, data, call.request().files(), false);
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
            announce(created, false);
        }
        if (edited != null) {
            announce(edited, true);
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

    private InteractionHandle webhookInteraction(Call call) {
        if (!bot.idString().equals(call.param("webhook_id"))) {
            throw new DiscordError(404, 10015, "Unknown Webhook");
        }
        InteractionHandle handle = interactionsByToken.get(call.param("webhook_token"));
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
        synchronized (lock) {
            handle = webhookInteraction(call);
            LocalMessage original = messages.get(handle.originalMessageId());
            edit = original != null && original.isLoading();
            if (edit) {
                // Discord: the first follow-up after a deferral fills in the "thinking" message
                message = editMessage(original, call.body(), call.request().files(), true);
            } else {
                long visibleTo = (call.body().path("flags").asInt(0) & LocalMessage.EPHEMERAL) != 0
                        ? handle.member().id()
                        : 0;
                message = createMessage(
                        handle.channel(), call.body(), call.request().files(), 0, handle, visibleTo);
            }
        }
        handle.addFollowUp(message);
        announce(message, edit);
        return Reply.ok(message.json().deepCopy());
    }

    private Reply webhookMessage(Call call, String method, boolean original) {
        InteractionHandle handle;
        LocalMessage result;
        synchronized (lock) {
            handle = webhookInteraction(call);
            long messageId = original ? handle.originalMessageId() : call.id("message_id");
            LocalMessage current = messages.get(messageId);
            if (current == null) {
                throw new DiscordError(404, 10008, "Unknown Message");
            }
            switch (method) {
                case "GET" -> {
                    return Reply.ok(current.json().deepCopy());
                }
                case "DELETE" -> {
                    removeMessage(current);
                    return Reply.noContent();
                }
                default ->
                    result = editMessage(current, call.body(), call.request().files(), true);
            }
        }
        if (original) {
            handle.completeReply(result);
        }
        announce(result, true);
        return Reply.ok(result.json().deepCopy());
    }

    private void removeMessage(LocalMessage message) {
        messages.remove(message.id());
        messageOrder.getOrDefault(message.channelId(), new ArrayList<>()).remove(message.id());
        lock.notifyAll();
    }

    private LocalChannel requireChannel(Call call) {
        LocalChannel channel = channels.get(call.id("channel_id"));
        if (channel == null) {
            throw new DiscordError(404, 10003, "Unknown Channel");
        }
        return channel;
    }

    private Reply getChannel(Call call) {
        synchronized (lock) {
            LocalChannel channel = requireChannel(call);
            return Reply.ok(channelJson(channel, -1));
        }
    }

    private Reply postChannelMessage(Call call) {
        LocalMessage message;
        synchronized (lock) {
            LocalChannel channel = requireChannel(call);
            if (channel.isDirect() && directMessagesClosed.contains(channel.recipientId())) {
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
            message = createMessage(
                    channel, body, call.request().files(), body.has("message_reference") ? 19 : 0, null, 0);
        }
        announce(message, false);
        return Reply.ok(message.json().deepCopy());
    }

    /**
     * A channel's messages, newest first, as Discord lists them: {@code limit} (1 to 100, default 50), and at
     * most one of {@code before} and {@code after} (ids; {@code around} is not modelled). Ephemeral messages
     * are not part of a channel's history.
     */
    private Reply listChannelMessages(Call call) {
        synchronized (lock) {
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
            List<LocalMessage> all = messageOrder.getOrDefault(channel.id(), List.of()).stream()
                    .map(messages::get)
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
        synchronized (lock) {
            LocalChannel channel = requireChannel(call);
            LocalMessage current = messages.get(call.id("message_id"));
            if (current == null || current.channelId() != channel.id()) {
                throw new DiscordError(404, 10008, "Unknown Message");
            }
            switch (method) {
                case "GET" -> {
                    return Reply.ok(current.json().deepCopy());
                }
                case "DELETE" -> {
                    removeMessage(current);
                    return Reply.noContent();
                }
                default -> {
                    if (current.json().has("webhook_id")) {
                        throw new DiscordError(403, 50005, "Cannot edit a message authored by another user");
                    }
                    result = editMessage(current, call.body(), call.request().files(), false);
                }
            }
        }
        announce(result, true);
        return Reply.ok(result.json().deepCopy());
    }

    private Reply startThread(Call call, long fromMessageId) {
        ObjectNode threadJson;
        synchronized (lock) {
            LocalChannel parent = requireChannel(call);
            if (parent.isDirect() || parent.isThread()) {
                throw new DiscordError(400, 50024, "Cannot execute action on this channel type");
            }
            if (fromMessageId != 0
                    && !messageOrder.getOrDefault(parent.id(), List.of()).contains(fromMessageId)) {
                throw new DiscordError(404, 10008, "Unknown Message");
            }
            String name = call.body().path("name").asText("");
            if (name.isEmpty()) {
                throw new DiscordError(400, 50035, "Invalid Form Body: name is required");
            }
            int type = fromMessageId != 0
                    ? LocalChannel.PUBLIC_THREAD
                    : call.body().path("type").asInt(LocalChannel.PRIVATE_THREAD);
            long id = fromMessageId != 0 ? fromMessageId : ids.next();
            LocalChannel thread = new LocalChannel(id, parent.guildId(), name, type, parent.id(), 0);
            channels.put(id, thread);
            messageOrder.put(id, new ArrayList<>());
            threadJson = channelJson(thread, -1);
            lock.notifyAll();
        }
        ObjectNode event = threadJson.deepCopy().put("newly_created", true);
        gateway.dispatch("THREAD_CREATE", event);
        return new Reply(201, threadJson);
    }

    private Reply openDirectChannel(Call call) {
        synchronized (lock) {
            String recipient = call.body().path("recipient_id").asText("");
            LocalUser user = users.values().stream()
                    .filter(u -> u.idString().equals(recipient))
                    .findFirst()
                    .orElseThrow(() -> new DiscordError(400, 50033, "Invalid Recipient(s)"));
            LocalChannel channel = channels.values().stream()
                    .filter(c -> c.isDirect() && c.recipientId() == user.id())
                    .findFirst()
                    .orElseGet(() -> {
                        LocalChannel dm = new LocalChannel(ids.next(), 0, user.name(), LocalChannel.DM, 0, user.id());
                        channels.put(dm.id(), dm);
                        messageOrder.put(dm.id(), new ArrayList<>());
                        return dm;
                    });
            return Reply.ok(channelJson(channel, -1));
        }
    }

    /** Drops interactions older than the newest {@code keep}; the playground can call it to bound memory. */
    public void forgetInteractions(int keep) {
        synchronized (lock) {
            Iterator<InteractionHandle> it = interactions.values().iterator();
            int excess = interactions.size() - keep;
            while (excess-- > 0 && it.hasNext()) {
                interactionsByToken.remove(it.next().token());
                it.remove();
            }
        }
    }
}
