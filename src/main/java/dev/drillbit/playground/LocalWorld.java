package dev.drillbit.playground;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The stand-in's world model: users, guilds with their roles and members, channels (text, threads, DMs),
 * the commands the bot registered, and who closed their direct messages; plus the one lock that guards
 * all of it and the messages ({@link MessageStore}) and interactions ({@link InteractionFactory}) kept
 * beside it.
 *
 * <p>Threading: not thread-safe by itself; every caller holds {@link #lock} while it reads or changes the
 * model, and calls {@link #changed()} after a change so that {@link #awaitState} waiters look again.
 */
final class LocalWorld {
    /** Discord permission bits the model uses. */
    static final long ADMINISTRATOR = 1L << 3;

    static final long MANAGE_GUILD = 1L << 5;
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

    /** Guards the whole model, messages and interactions included; its monitor wakes {@link #awaitState}. */
    final Object lock = new Object();
    /** Discord's own clock, real time: what ids and timestamps carry. */
    final Clock wallClock;

    final Snowflakes ids;
    final LocalUser bot;
    final CommandCatalog commands;
    private final Map<Long, LocalUser> users = new LinkedHashMap<>();
    private final Map<Long, LocalGuild> guilds = new LinkedHashMap<>();
    private final Map<Long, List<LocalRole>> roles = new LinkedHashMap<>();
    private final Map<Long, LocalChannel> channels = new LinkedHashMap<>();
    private final Map<Long, Map<Long, LocalMember>> members = new LinkedHashMap<>();
    /** Users who accept no direct messages from the bot (privacy settings, or the bot blocked). */
    private final Set<Long> directMessagesClosed = new HashSet<>();

    LocalWorld(String botName, Clock wallClock) {
        this.wallClock = Objects.requireNonNull(wallClock, "wallClock");
        this.ids = new Snowflakes(wallClock);
        this.bot = new LocalUser(ids.next(), botName, true);
        users.put(bot.id(), bot);
        this.commands = new CommandCatalog(bot.id(), ids::next);
    }

    // ------------------------------------------------------------------ building (hold the lock)

    /** Adds a guild with {@code @everyone}, an admin role, a role for the bot, and the bot as a member. */
    LocalGuild addGuild(String name, long guildId) {
        LocalUser owner = newUser(name + " owner", ids.next());
        LocalGuild guild = new LocalGuild(guildId, name, owner.id(), ids.next(), ids.next());
        guilds.put(guildId, guild);
        List<LocalRole> guildRoles = new ArrayList<>();
        guildRoles.add(new LocalRole(guildId, guildId, "@everyone", EVERYONE_PERMISSIONS, 0));
        guildRoles.add(new LocalRole(guild.adminRoleId(), guildId, "Admin", ADMINISTRATOR | MANAGE_GUILD, 2));
        guildRoles.add(new LocalRole(guild.botRoleId(), guildId, bot.name(), BOT_PERMISSIONS, 1));
        roles.put(guildId, guildRoles);
        members.put(guildId, new LinkedHashMap<>());
        members.get(guildId).put(bot.id(), new LocalMember(guild, bot, List.of(guild.botRoleId())));
        changed();
        return guild;
    }

    void addChannel(LocalChannel channel) {
        channels.put(channel.id(), channel);
        changed();
    }

    /** Removes a channel; false when there was none. */
    boolean removeChannel(long channelId) {
        boolean removed = channels.remove(channelId) != null;
        changed();
        return removed;
    }

    LocalMember addMember(LocalGuild guild, String name, boolean admin, long userId) {
        LocalUser user = newUser(name, userId);
        LocalMember member = new LocalMember(guild, user, admin ? List.of(guild.adminRoleId()) : List.of());
        members.get(guild.id()).put(user.id(), member);
        changed();
        return member;
    }

    LocalRole addRole(LocalGuild guild, String name, long permissions, long roleId) {
        List<LocalRole> guildRoles = roles.get(guild.id());
        LocalRole role = new LocalRole(roleId, guild.id(), name, permissions, guildRoles.size());
        guildRoles.add(role);
        return role;
    }

    private LocalUser newUser(String name, long id) {
        if (users.containsKey(id) || guilds.containsKey(id) || channels.containsKey(id)) {
            throw new IllegalArgumentException("id " + id + " is already taken");
        }
        LocalUser user = new LocalUser(id, name, false);
        users.put(user.id(), user);
        return user;
    }

    void closeDirectMessages(long userId) {
        directMessagesClosed.add(userId);
    }

    boolean directMessagesClosed(long userId) {
        return directMessagesClosed.contains(userId);
    }

    // ------------------------------------------------------------------ reading (hold the lock)

    List<LocalGuild> guilds() {
        return List.copyOf(guilds.values());
    }

    Optional<LocalUser> user(long id) {
        return Optional.ofNullable(users.get(id));
    }

    /** A user by their id as the API spells it. */
    Optional<LocalUser> userWithId(String idString) {
        return users.values().stream()
                .filter(u -> u.idString().equals(idString))
                .findFirst();
    }

    /** A user by name or id, as a member would type it into an option. */
    Optional<LocalUser> userNamed(String key) {
        return users.values().stream()
                .filter(u -> u.name().equals(key) || u.idString().equals(key))
                .findFirst();
    }

    /** The first user who is not a bot: the application's owner in {@code /applications/@me}. */
    LocalUser owner() {
        return users.values().stream().filter(u -> !u.bot()).findFirst().orElse(bot);
    }

    /** A guild's roles, {@code @everyone} first. */
    List<LocalRole> roles(long guildId) {
        return List.copyOf(roles.getOrDefault(guildId, List.of()));
    }

    /** A guild's role by name or id. */
    Optional<LocalRole> roleNamed(long guildId, String key) {
        return roles.get(guildId).stream()
                .filter(r ->
                        r.name().equals(key) || Long.toUnsignedString(r.id()).equals(key))
                .findFirst();
    }

    Optional<LocalMember> member(long guildId, long userId) {
        return Optional.ofNullable(members.get(guildId)).map(m -> m.get(userId));
    }

    int memberCount(long guildId) {
        return members.get(guildId).size();
    }

    LocalMember botMember(long guildId) {
        return members.get(guildId).get(bot.id());
    }

    Optional<LocalChannel> channel(long id) {
        return Optional.ofNullable(channels.get(id));
    }

    /** Channels, including threads and DMs, in order of creation. */
    List<LocalChannel> channels() {
        return List.copyOf(channels.values());
    }

    /** A guild's channel by name (a leading {@code #} ignored) or id. */
    Optional<LocalChannel> channelNamed(long guildId, String key) {
        return channels.values().stream()
                .filter(c -> c.guildId() == guildId
                        && (c.name().equals(key) || c.idString().equals(key)))
                .findFirst();
    }

    /** The DM channel the bot opened with this user, if any. */
    Optional<LocalChannel> directChannel(long userId) {
        return channels.values().stream()
                .filter(c -> c.isDirect() && c.recipientId() == userId)
                .findFirst();
    }

    /** The permission bits of a member: {@code @everyone}'s and those of each of their roles. */
    long permissions(LocalMember member) {
        long bits = 0;
        for (LocalRole role : roles.get(member.guild().id())) {
            if (role.isEveryone() || member.roleIds().contains(role.id())) {
                bits |= role.permissions();
            }
        }
        return bits;
    }

    // ------------------------------------------------------------------ waiting

    /** Wakes every {@link #awaitState} waiter. Must hold the lock. */
    void changed() {
        lock.notifyAll();
    }

    /** Blocks (without sleeping: on the model's monitor) until {@code probe} finds something. */
    <T> T awaitState(Supplier<Optional<T>> probe, Duration timeout, String what) {
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
}
