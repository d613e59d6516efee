package dev.drillbit.storage.postgres;

import dev.drillbit.cluster.LoginSlots;
import dev.drillbit.cluster.LoginSlotsContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The login slots contract against PostgreSQL, a fresh schema per test; every open is another process's view. */
class PostgresLoginSlotsContractTest extends LoginSlotsContract {
    @RegisterExtension
    final FreshDatabase database = new FreshDatabase();

    @Override
    protected LoginSlots open() {
        return PostgresLoginSlots.open(database.db());
    }
}
