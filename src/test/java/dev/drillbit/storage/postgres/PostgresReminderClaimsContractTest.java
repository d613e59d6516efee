package dev.drillbit.storage.postgres;

import dev.drillbit.learning.ReminderClaims;
import dev.drillbit.learning.ReminderClaimsContract;
import dev.drillbit.progress.GuildZones;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The reminder claims contract against PostgreSQL, a fresh schema per test; every open shares it. */
class PostgresReminderClaimsContractTest extends ReminderClaimsContract {
    @RegisterExtension
    final FreshDatabase database = new FreshDatabase();

    @Override
    protected ReminderClaims open(GuildZones zones) {
        return PostgresReminderClaims.open(database.db(), zones);
    }
}
