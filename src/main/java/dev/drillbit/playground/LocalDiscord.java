package dev.drillbit.playground;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
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
 * <p>This class is the stand-in's face; the parts behind it are the world model ({@link LocalWorld}),
 * its JSON ({@link DiscordJson}), the messages ({@link MessageStore}), the member's side
 * ({@link InteractionFactory}) and the bot's side ({@link RestRoutes} on a {@link RestServer}, and a
 * {@link GatewayServer}).
 *
 * <p>Threading: thread-safe. The model is guarded by one lock; REST requests arrive on a small pool and
 * gateway frames on Java-WebSocket's threads. {@link #onMessage} listeners run on the REST thread that
 * created or edited the message, outside the lock, and must not block.
 */
public final class LocalDiscord implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LocalDiscord.class);

    /** Discord permission bits the model uses. */
    public static final long ADMINISTRATOR = LocalWorld.ADMINISTRATOR;

    public static final long MANAGE_GUILD = LocalWorld.MANAGE_GUILD;

    private final String token;
    private final LocalWorld world;
    private final DiscordJson json;
    private final MessageStore messages;
    private final InteractionFactory interactions;
    private final CompletableFuture<Void> connected = new CompletableFuture<>();
    private final RateLimiter limiter;
    private final RestServer rest;
    private final AttachmentServer attachments;
    private final GatewayServer gateway;

    /** Starts a stand-in whose bot is called "drillbit", on the real clock and with Discord's rate limits. */
    public static LocalDiscord start() {
        return start(RateLimits.discord());
    }

    /** Starts a stand-in whose bot is called "drillbit", on the real clock, with these rate limits. */
    public static LocalDiscord start(RateLimits limits) {
        return start("drillbit", Clock.systemUTC(), limits);
    }

    /** As {@link #start(String, Clock, RateLimits)} with Discord's rate limits. */
    public static LocalDiscord start(String botName, Clock wallClock) {
        return start(botName, wallClock, RateLimits.discord());
    }

    /**
     * Starts a stand-in; both servers are listening when this returns. {@code wallClock} is Discord's own
     * clock: every id it mints and every timestamp it writes reads it at that moment. JDA checks an
     * interaction's age against the real clock, so anything but {@link Clock#systemUTC()} is for tests of
     * the stand-in itself; the bot's adjustable clock (tests, the playground's {@code clock}) is the bot's
     * and never Discord's. The rate limits' buckets run on {@code wallClock} too.
     */
    public static LocalDiscord start(String botName, Clock wallClock, RateLimits limits) {
        try {
            return new LocalDiscord(botName, wallClock, limits);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the local Discord stand-in", e);
        }
    }

    private LocalDiscord(String botName, Clock wallClock, RateLimits limits) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        this.world = new LocalWorld(botName, wallClock);
        this.token = "local." + world.bot.idString() + "." + UUID.randomUUID();
        this.json = new DiscordJson(mapper, world, this::messageCount);
        this.messages = new MessageStore(world, json);
        this.gateway = new GatewayServer(
                mapper,
                new GatewaySessions(),
                () -> UUID.randomUUID().toString().replace("-", ""));
        this.interactions = new InteractionFactory(world, json, messages, gateway);
        this.limiter = new RateLimiter(limits, wallClock);
        this.rest = new RestServer(mapper, limiter);
        this.attachments = new AttachmentServer(world.bot.id(), world.ids::next);
        new RestRoutes(world, json, messages, interactions, gateway).registerOn(rest);
        rest.start();
        try {
            gateway.startAndAwait();
        } catch (IOException e) {
            rest.stop();
            throw e;
        }
        LOG.info("local Discord stand-in up: rest {} gateway {}", rest.baseUrl(), gateway.url());
    }

    /** A thread's message count, for its JSON; the store exists by the time any JSON is written. */
    private int messageCount(long channelId) {
        return messages.count(channelId);
    }

    // ------------------------------------------------------------------ endpoints and identity

    /** What {@code RestConfig#setBaseUrl} takes, e.g. {@code http://127.0.0.1:PORT/api/v10/}. */
    public String restBaseUrl() {
        return rest.baseUrl();
    }

    /**
     * What {@code GET /gateway/bot} tells the bot: how many shards to run and how many may identify at once
     * ({@code session_start_limit.max_concurrency}). Default 1 and 1. The gateway serves any
     * {@code [shard, total]} a session identifies with, each guild's events on its shard only.
     */
    public void sharding(int shards, int maxConcurrency) {
        gateway.sharding(shards, maxConcurrency);
    }

    /** The gateway, e.g. {@code ws://127.0.0.1:PORT}. */
    /**
     * Logins (IDENTIFY) that came less than five seconds after the previous one of their bucket
     * ({@code shard % max_concurrency}, see {@link #sharding}): what Discord's login limit forbids.
     */
    public int identifiesTooSoon() {
        return gateway.identifiesTooSoon();
    }

    public String gatewayUrl() {
        return gateway.url();
    }

    /** The token the bot logs in with. The stand-in does not check {@code Authorization} (yet); any token works. */
    public String botToken() {
        return token;
    }

    public LocalUser botUser() {
        return world.bot;
    }

    public long applicationId() {
        return world.bot.id();
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
        synchronized (world.lock) {
            return guild(name, world.ids.next());
        }
    }

    /** A guild with a given id, for a world that must keep its ids across runs (the playground's). */
    public LocalGuild guild(String name, long guildId) {
        LocalGuild guild;
        ObjectNode event;
        synchronized (world.lock) {
            guild = world.addGuild(name, guildId);
            event = json.guildCreate(guild);
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

    /**
     * A server that never added the bot: it is not in READY and hears of nothing there, and its members
     * reach the bot only through their own install (user-install interactions, context 0, owned by the
     * user), as in a server where someone uses drillbit installed to their account.
     */
    public LocalGuild guildWithoutBot(String name) {
        synchronized (world.lock) {
            return world.addGuildWithoutBot(name, world.ids.next());
        }
    }

    /**
     * Switches the server's "Use External Apps" for everyone: off, Discord makes every reply of an app the
     * server did not add private.
     */
    public void externalApps(LocalGuild guild, boolean allowed) {
        synchronized (world.lock) {
            world.externalApps(guild.id(), allowed);
        }
    }

    /** An existing user joins another server, as one person in two study groups. */
    public LocalMember join(LocalGuild guild, LocalUser user, boolean admin) {
        synchronized (world.lock) {
            return world.joinMember(guild, user, admin);
        }
    }

    /**
     * The user's DM channel with the bot, opened on first use as the user opening it would (the bot finds
     * the same one when it opens a DM). Slash commands and clicks there are DM interactions (context 1).
     */
    public LocalChannel openDirect(LocalUser user) {
        synchronized (world.lock) {
            return world.openDirect(user, messages::openChannel);
        }
    }

    private boolean botIn(LocalGuild guild) {
        synchronized (world.lock) {
            return world.botIn(guild.id());
        }
    }

    /** Creates a text channel (announced with CHANNEL_CREATE if the bot is connected). */
    public LocalChannel channel(LocalGuild guild, String name) {
        synchronized (world.lock) {
            return channel(guild, name, world.ids.next());
        }
    }

    /** A text channel with a given id, for a world that must keep its ids across runs. */
    public LocalChannel channel(LocalGuild guild, String name, long channelId) {
        LocalChannel channel;
        ObjectNode event;
        synchronized (world.lock) {
            channel = new LocalChannel(channelId, guild.id(), name, LocalChannel.GUILD_TEXT, 0, 0);
            messages.openChannel(channel.id());
            world.addChannel(channel);
            event = json.channel(channel, -1);
        }
        if (botIn(guild)) {
            announceToBot("CHANNEL_CREATE", event);
        }
        return channel;
    }

    /**
     * Deletes a channel as a moderator would (announced with CHANNEL_DELETE if the bot is connected); its
     * messages go with it, and requests for it then fail with Unknown Channel, as on Discord.
     */
    public void deleteChannel(LocalChannel channel) {
        ObjectNode event;
        synchronized (world.lock) {
            if (world.channel(channel.id()).isEmpty()) {
                throw new IllegalArgumentException("no channel " + channel.name());
            }
            event = json.channel(channel, -1);
            messages.dropChannel(channel.id());
            world.removeChannel(channel.id());
        }
        announceToBot("CHANNEL_DELETE", event);
    }

    /** Creates a user and their membership; admins get the guild's admin role (ADMINISTRATOR, MANAGE_SERVER). */
    public LocalMember member(LocalGuild guild, String name, boolean admin) {
        synchronized (world.lock) {
            return member(guild, name, admin, world.ids.next());
        }
    }

    /** A member whose user has a given id, for a world that must keep its ids across runs. */
    public LocalMember member(LocalGuild guild, String name, boolean admin, long userId) {
        synchronized (world.lock) {
            return world.addMember(guild, name, admin, userId);
        }
    }

    /** Creates a role with the given permission bits (announced with GUILD_ROLE_CREATE if the bot is connected). */
    public LocalRole role(LocalGuild guild, String name, long permissions) {
        synchronized (world.lock) {
            return role(guild, name, permissions, world.ids.next());
        }
    }

    /** A role with a given id, for a world that must keep its ids across runs. */
    public LocalRole role(LocalGuild guild, String name, long permissions, long roleId) {
        LocalRole role;
        ObjectNode event = json.mapper().createObjectNode().put("guild_id", guild.idString());
        synchronized (world.lock) {
            role = world.addRole(guild, name, permissions, roleId);
            event.set("role", json.role(role));
        }
        if (botIn(guild)) {
            announceToBot("GUILD_ROLE_CREATE", event);
        }
        return role;
    }

    /**
     * The user closes their direct messages to the bot, as a member who turned off "direct messages from
     * server members" would: the bot can still open the DM channel, but sending to it fails with Discord's
     * error 50007, "Cannot send messages to this user".
     */
    public void closeDirectMessages(LocalUser user) {
        synchronized (world.lock) {
            world.closeDirectMessages(user.id());
        }
    }

    // ------------------------------------------------------------------ queries

    /** Messages of a channel in order of creation, each in its latest version. */
    public List<LocalMessage> messages(LocalChannel channel) {
        synchronized (world.lock) {
            return messages.inChannel(channel.id());
        }
    }

    public Optional<LocalMessage> message(long messageId) {
        synchronized (world.lock) {
            return messages.find(messageId);
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

    /** Every guild, in order of creation. */
    public List<LocalGuild> guilds() {
        synchronized (world.lock) {
            return world.guilds();
        }
    }

    /** A guild's roles, {@code @everyone} first. */
    public List<LocalRole> roles(LocalGuild guild) {
        synchronized (world.lock) {
            return world.roles(guild.id());
        }
    }

    /** Channels, including threads and DMs, in order of creation. */
    public List<LocalChannel> channels() {
        synchronized (world.lock) {
            return world.channels();
        }
    }

    /** The DM channel the bot opened with this user, if any. */
    public Optional<LocalChannel> directChannel(LocalUser user) {
        synchronized (world.lock) {
            return world.directChannel(user.id());
        }
    }

    /**
     * Every REST request the stand-in served so far, in arrival order: a request refused with 429 is not
     * here (see {@link #rateLimited()}) but is, once, when JDA's retry is served.
     */
    public List<RecordedRequest> requests() {
        return rest.recorded();
    }

    /** Every request answered with 429 so far, in arrival order. */
    public List<RecordedRequest> rateLimited() {
        return rest.refused();
    }

    /** The limits this stand-in enforces. */
    public RateLimits rateLimits() {
        return limiter.limits();
    }

    /**
     * Invalid requests (answered 401, 403 or 429) in the last ten minutes: Cloudflare bans a bot's IP for an
     * hour at {@link RateLimits#INVALID_REQUEST_BAN}.
     */
    public int invalidRequests() {
        return limiter.invalidRequests();
    }

    /** Every chat-input command the bot registered for {@code guild} (guild and global), by name. */
    public List<JsonNode> commands(LocalGuild guild) {
        synchronized (world.lock) {
            return world.commands.chatInputNames(guild.id()).stream()
                    .map(name -> world.commands.chatInput(guild.id(), name))
                    .flatMap(Optional::stream)
                    .<JsonNode>map(ObjectNode::deepCopy)
                    .toList();
        }
    }

    /** The registered chat-input command with this name (guild command first, then global). */
    public Optional<JsonNode> command(LocalGuild guild, String name) {
        synchronized (world.lock) {
            return world.commands.chatInput(guild.id(), name).map(ObjectNode::deepCopy);
        }
    }

    /** Blocks (without sleeping: on the model's monitor) until the bot registered this command. */
    public JsonNode awaitCommand(LocalGuild guild, String name, Duration timeout) {
        return world.awaitState(
                () -> world.commands.chatInput(guild.id(), name).map(ObjectNode::deepCopy),
                timeout,
                "command /" + name);
    }

    /** Blocks until a message of the channel matches, and returns it. */
    public LocalMessage awaitMessage(LocalChannel channel, Predicate<LocalMessage> condition, Duration timeout) {
        return world.awaitState(
                () -> messages.inChannel(channel.id()).stream()
                        .filter(condition)
                        .reduce((first, second) -> second),
                timeout,
                "a matching message in #" + channel.name());
    }

    /**
     * Listens to every REST request once it is answered, with the answer's status (429 included), on the
     * REST thread that answered it: e.g. a benchmark's timeline of requests.
     */
    public void onRequest(BiConsumer<RecordedRequest, Integer> listener) {
        rest.onAnswered(listener);
    }

    /** Listens to every message the bot creates or edits (e.g. so the playground can print it). */
    public void onMessage(Consumer<Posted> listener) {
        messages.onMessage(listener);
    }

    // ------------------------------------------------------------------ acting as a member

    /** {@code /command} without options. {@code command} may name a subcommand: "quiz start", "admin config set". */
    public InteractionHandle slash(LocalMember member, LocalChannel channel, String command) {
        return interactions.slash(member, channel, command);
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
        return interactions.slash(member, channel, command, options);
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
        return interactions.autocomplete(member, channel, command, focusedOption, partial, others);
    }

    /** Clicks the button with this custom id on a message the member can see. */
    public InteractionHandle click(LocalMember member, LocalMessage message, String customId) {
        return interactions.click(member, message, customId);
    }

    /** Chooses these values in the string select menu with this custom id. */
    public InteractionHandle select(LocalMember member, LocalMessage message, String customId, String... values) {
        return interactions.select(member, message, customId, values);
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
        return interactions.submitModal(member, opener, customId, fieldValues);
    }

    /** Drops interactions older than the newest {@code keep}; the playground can call it to bound memory. */
    public void forgetInteractions(int keep) {
        interactions.forget(keep);
    }

    /** The gateway's view of the world: READY and the guilds' GUILD_CREATE, built under the world's lock. */
    private final class GatewaySessions implements GatewayServer.Sessions {
        @Override
        public ObjectNode ready(String sessionId, String resumeUrl) {
            synchronized (world.lock) {
                return json.ready(sessionId, resumeUrl);
            }
        }

        @Override
        public List<ObjectNode> guildCreates() {
            synchronized (world.lock) {
                return world.guilds().stream().map(json::guildCreate).toList();
            }
        }

        @Override
        public void identified() {
            connected.complete(null);
        }
    }
}
