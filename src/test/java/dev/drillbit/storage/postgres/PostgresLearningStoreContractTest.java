package dev.drillbit.storage.postgres;

import dev.drillbit.learning.LearningStore;
import dev.drillbit.learning.LearningStoreContract;
import dev.drillbit.progress.GuildZones;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The learning store contract against PostgreSQL, a fresh schema per test. */
class PostgresLearningStoreContractTest extends LearningStoreContract {
    private PostgresDatabase db;

    @BeforeEach
    void freshSchema() {
        db = TestPostgres.freshDatabase();
    }

    @AfterEach
    void closeDatabase() {
        db.close();
    }

    @Override
    protected LearningStore open(Clock clock) {
        return PostgresScoreStore.open(db, clock, GuildZones.utc());
    }
}
