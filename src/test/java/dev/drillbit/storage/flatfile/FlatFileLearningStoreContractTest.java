package dev.drillbit.storage.flatfile;

import dev.drillbit.learning.LearningStore;
import dev.drillbit.learning.LearningStoreContract;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.io.TempDir;

/** The learning store contract against the flat files. */
class FlatFileLearningStoreContractTest extends LearningStoreContract {
    @TempDir
    Path dir;

    @Override
    protected LearningStore open(Clock clock) {
        return FlatFileScoreStore.open(StoreOptions.defaults(dir).withClock(clock));
    }
}
