package dev.drillbit.storage.flatfile;

import dev.drillbit.progress.GuildZones;
import dev.drillbit.progress.ScoreStore;
import dev.drillbit.progress.ScoreStoreContract;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.io.TempDir;

/** The score store contract against the flat files, compacting rarely (replay from the journal). */
class FlatFileScoreStoreContractTest extends ScoreStoreContract {
    @TempDir
    Path dir;

    @Override
    protected ScoreStore open(Clock clock, GuildZones zones) {
        return FlatFileScoreStore.open(
                StoreOptions.defaults(dir).withClock(clock).withZones(zones));
    }

    /** A crash: the journal and the lock are dropped without the close's snapshot. */
    @Override
    protected void crash(ScoreStore store) {
        CrashSimulation.abandon((FlatFileScoreStore) store);
    }
}
