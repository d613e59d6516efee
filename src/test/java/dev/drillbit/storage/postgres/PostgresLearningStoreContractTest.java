package dev.drillbit.storage.postgres;

import dev.drillbit.learning.LearningStore;
import dev.drillbit.learning.LearningStoreContract;
import dev.drillbit.progress.GuildZones;
import java.time.Clock;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The learning store contract against PostgreSQL, a fresh schema per test. */
class PostgresLearningStoreContractTest extends LearningStoreContract {
    @RegisterExtension
    final FreshDatabase database = new FreshDatabase();

    @Override
    protected LearningStore open(Clock clock) {
        return PostgresScoreStore.open(database.db(), clock, GuildZones.utc());
    }
}
