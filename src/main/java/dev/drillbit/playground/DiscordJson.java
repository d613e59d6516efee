package dev.drillbit.playground;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.function.LongToIntFunction;

/**
 * The stand-in's world written as API v10 writes it: users, members, roles, channels and threads, a
 * guild's GUILD_CREATE, READY, the bot's own user and application.
 *
 * <p>Threading: reads the {@link LocalWorld}; callers hold its lock.
 */
final class DiscordJson {
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx").withZone(ZoneOffset.UTC);

    private final ObjectMapper json;
    private final LocalWorld world;
    /** How many messages a channel holds, for a thread's counts. */
    private final LongToIntFunction messageCount;

    DiscordJson(ObjectMapper json, LocalWorld world, LongToIntFunction messageCount) {
        this.json = json;
        this.world = world;
        this.messageCount = messageCount;
    }

    ObjectMapper mapper() {
        return json;
    }

    /** Discord's time now, as its timestamps read. */
    String now() {
        return TIMESTAMP.format(world.wallClock.instant());
    }

    ObjectNode user(LocalUser user) {
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

    /** The bot's own user, as {@code GET /users/@me} and READY show it. */
    ObjectNode self() {
        return user(world.bot).put("verified", true).put("mfa_enabled", false).put("flags", 0);
    }

    ObjectNode member(LocalMember member, boolean withPermissions) {
        ObjectNode node = json.createObjectNode();
        node.set("user", user(member.user()));
        node.putNull("nick");
        node.putNull("avatar");
        ArrayNode roleIds = node.putArray("roles");
        member.roleIds().forEach(r -> roleIds.add(Long.toUnsignedString(r)));
        node.put("joined_at", TIMESTAMP.format(Instant.ofEpochMilli(Snowflakes.epochMillis(member.id()))));
        node.putNull("premium_since");
        node.put("deaf", false).put("mute", false).put("flags", 0).put("pending", false);
        node.putNull("communication_disabled_until");
        if (withPermissions) {
            node.put("permissions", Long.toString(world.permissions(member)));
        }
        return node;
    }

    ObjectNode role(LocalRole role) {
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

    /** A channel; {@code permissions} are the viewer's bits, or negative to leave them out. */
    ObjectNode channel(LocalChannel channel, long permissions) {
        ObjectNode node = json.createObjectNode().put("id", channel.idString()).put("type", channel.type());
        if (channel.isDirect()) {
            node.putNull("last_message_id");
            node.put("flags", 0);
            node.putArray("recipients")
                    .add(user(world.user(channel.recipientId()).orElseThrow()));
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
            int count = messageCount.applyAsInt(channel.id());
            node.put("parent_id", Long.toUnsignedString(channel.parentId()))
                    .put("owner_id", world.bot.idString())
                    .put("message_count", count)
                    .put("member_count", 1)
                    .put("total_message_sent", count);
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

    ObjectNode threadMetadata() {
        String now = now();
        return json.createObjectNode()
                .put("archived", false)
                .put("auto_archive_duration", 1440)
                .put("archive_timestamp", now)
                .put("locked", false)
                .put("create_timestamp", now);
    }

    ObjectNode guildCreate(LocalGuild guild) {
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
                .put("member_count", world.memberCount(guild.id()));
        node.putArray("features");
        ArrayNode roleArray = node.putArray("roles");
        world.roles(guild.id()).forEach(r -> roleArray.add(role(r)));
        node.putArray("emojis");
        node.putArray("stickers");
        node.putArray("voice_states");
        node.putArray("presences");
        node.putArray("stage_instances");
        node.putArray("guild_scheduled_events");
        node.putArray("soundboard_sounds");
        node.putArray("members").add(member(world.botMember(guild.id()), false));
        ArrayNode channelArray = node.putArray("channels");
        ArrayNode threadArray = node.putArray("threads");
        for (LocalChannel channel : world.channels()) {
            if (channel.guildId() == guild.id()) {
                ObjectNode channelNode = channel(channel, -1);
                (channel.isThread() ? threadArray : channelArray).add(channelNode);
            }
        }
        return node;
    }

    /** READY for a new session: the bot, its guilds (unavailable until their GUILD_CREATE), one shard. */
    ObjectNode ready(String sessionId, String resumeUrl) {
        ObjectNode ready = json.createObjectNode().put("v", 10);
        ready.set("user", self());
        ArrayNode guildArray = ready.putArray("guilds");
        world.guilds()
                .forEach(g -> guildArray.addObject().put("id", g.idString()).put("unavailable", true));
        ready.put("session_id", sessionId).put("resume_gateway_url", resumeUrl).put("session_type", "normal");
        ready.putArray("shard").add(0).add(1);
        ready.putObject("application").put("id", world.bot.idString()).put("flags", 0);
        ready.putArray("private_channels");
        ready.putArray("presences");
        ready.putArray("relationships");
        ready.putArray("guild_join_requests");
        ready.putObject("user_settings");
        ready.putArray("_trace").add("[\"local-discord\"]");
        return ready;
    }

    ObjectNode application() {
        LocalUser bot = world.bot;
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
        app.set("owner", user(world.owner()));
        app.set("bot", user(bot));
        app.putArray("tags");
        app.putArray("redirect_uris");
        return app;
    }
}
