package dev.drillbit.storage.postgres;

import dev.drillbit.progress.GuildZones;
import dev.drillbit.progress.ScoreStore;
import dev.drillbit.progress.ScoreStoreContract;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The score store contract against PostgreSQL, a fresh schema per test; a restart opens a new store over it. */
class PostgresScoreStoreContractTest extends ScoreStoreContract {
    private PostgresDatabase db;

    @BeforeEach
    void freshSchema() {
        db = TestPostgres.freshDatabase();
    }

    @AfterEach
    void closeDatabase() {
        // runs before the contract's own @AfterEach closes the store: an idle store's close needs no connection
        db.close();
    }

    @Override
    protected ScoreStore open(Clock clock, GuildZones zones) {
        return PostgresScoreStore.open(db, clock, zones);
    }
}
