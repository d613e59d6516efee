package dev.drillbit.storage.flatfile;

import dev.drillbit.progress.GuildZones;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * How a {@link FlatFileScoreStore} runs. Immutable.
 *
 * @param dataDir where the snapshot, journals and {@code history/} live
 * @param clock "now" for leaderboards, streaks, forget events and pruning of recent points
 * @param zones each guild's timezone, for cutting streak days
 * @param compactEvery events after which the writer writes a snapshot and starts a new journal
 */
public record StoreOptions(
        Path dataDir, Clock clock, GuildZones zones, int compactEvery, dev.drillbit.storage.CommitObserver commits) {
    public static final int DEFAULT_COMPACT_EVERY = 200_000;

    public StoreOptions {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(zones, "zones");
        Objects.requireNonNull(commits, "commits");
        if (compactEvery < 1) {
            throw new IllegalArgumentException("compactEvery must be positive: " + compactEvery);
        }
    }

    public StoreOptions(Path dataDir, Clock clock, GuildZones zones, int compactEvery) {
        this(dataDir, clock, zones, compactEvery, dev.drillbit.storage.CommitObserver.NONE);
    }

    public static StoreOptions defaults(Path dataDir) {
        return new StoreOptions(dataDir, Clock.systemUTC(), GuildZones.utc(), DEFAULT_COMPACT_EVERY);
    }

    public StoreOptions withClock(Clock clock) {
        return new StoreOptions(dataDir, clock, zones, compactEvery, commits);
    }

    public StoreOptions withZones(GuildZones zones) {
        return new StoreOptions(dataDir, clock, zones, compactEvery, commits);
    }

    public StoreOptions withCommits(dev.drillbit.storage.CommitObserver commits) {
        return new StoreOptions(dataDir, clock, zones, compactEvery, commits);
    }

    public StoreOptions withCompactEvery(int compactEvery) {
        return new StoreOptions(dataDir, clock, zones, compactEvery, commits);
    }
}
