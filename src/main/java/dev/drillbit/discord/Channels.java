package dev.drillbit.discord;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.sharding.ShardManager;

/**
 * Finds channels by id across shards for work that does not start from an interaction (question timers,
 * schedules). Bound once the shard manager exists, since commands are built before it. Thread-safe.
 */
public final class Channels {
    private final AtomicReference<ShardManager> shards = new AtomicReference<>();

    public void bind(ShardManager manager) {
        shards.set(manager);
    }

    Optional<GuildMessageChannel> find(long channelId) {
        ShardManager manager = shards.get();
        return manager == null
                ? Optional.empty()
                : Optional.ofNullable(manager.getChannelById(GuildMessageChannel.class, channelId));
    }

    /** Whether every shard is connected with its guilds loaded, so a channel not found is really gone. */
    boolean ready() {
        ShardManager manager = shards.get();
        return manager != null
                && !manager.getShards().isEmpty()
                && manager.getShards().stream().allMatch(jda -> jda.getStatus() == JDA.Status.CONNECTED);
    }

    /**
     * A shard to open direct messages on: shard 0, which Discord delivers DMs to, when this process runs it,
     * else any of its shards (opening a DM channel and sending to it are REST calls any shard can make);
     * empty before the shards exist.
     */
    Optional<JDA> directMessages() {
        ShardManager manager = shards.get();
        if (manager == null) {
            return Optional.empty();
        }
        JDA zero = manager.getShardById(0);
        return zero != null ? Optional.of(zero) : manager.getShards().stream().findFirst();
    }

    /** The guild, when the bot is in it (its shard opens direct messages to the guild's members). */
    Optional<Guild> guild(long guildId) {
        ShardManager manager = shards.get();
        return manager == null ? Optional.empty() : Optional.ofNullable(manager.getGuildById(guildId));
    }
}
