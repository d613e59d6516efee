package dev.drillbit.storage.postgres;

import dev.drillbit.learning.ReminderClaims;
import dev.drillbit.learning.ReminderClaimsContract;
import dev.drillbit.progress.GuildZones;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The reminder claims contract against PostgreSQL, a fresh schema per test; every open shares it. */
class PostgresReminderClaimsContractTest extends ReminderClaimsContract {
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
    protected ReminderClaims open(GuildZones zones) {
        return PostgresReminderClaims.open(db, zones);
    }
}
