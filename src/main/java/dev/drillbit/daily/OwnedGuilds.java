package dev.drillbit.daily;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The guilds one process serves: those on its shards. A guild {@code g} is on shard
 * {@code (g >> 22) % total}, as Discord routes its events; {@link #ALL} is every guild (one process runs
 * every shard). Immutable.
 *
 * @param total how many shards the bot runs in all, in every process together
 * @param shards the shards this process runs, each {@code 0 <= id < total}, sorted
 */
public record OwnedGuilds(int total, List<Integer> shards) {
    public static final OwnedGuilds ALL = new OwnedGuilds(1, List.of(0));

    public OwnedGuilds {
        if (total < 1) {
            throw new IllegalArgumentException("a bot runs at least one shard, not " + total);
        }
        Set<Integer> sorted = new TreeSet<>(shards);
        if (sorted.isEmpty() || sorted.stream().anyMatch(s -> s < 0 || s >= total)) {
            throw new IllegalArgumentException("shards " + shards + " are not a non-empty subset of 0.." + (total - 1));
        }
        shards = List.copyOf(sorted);
    }

    /** The shard {@code guildId}'s events arrive on when the bot runs {@code total} shards. */
    public static int shardOf(long guildId, int total) {
        return (int) ((guildId >>> 22) % total);
    }

    /** Every guild: no other process serves any. */
    public boolean all() {
        return shards.size() == total;
    }

    public boolean owns(long guildId) {
        return all() || shards.contains(shardOf(guildId, total));
    }

    @Override
    public String toString() {
        return all() ? "every shard" : "shards " + shards + " of " + total;
    }
}
