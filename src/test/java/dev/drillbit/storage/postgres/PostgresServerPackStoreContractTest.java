package dev.drillbit.storage.postgres;

import dev.drillbit.packs.ServerPackStore;
import dev.drillbit.packs.ServerPackStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The server pack store contract against PostgreSQL, a fresh schema per test. */
class PostgresServerPackStoreContractTest extends ServerPackStoreContract {
    @RegisterExtension
    final FreshDatabase database = new FreshDatabase();

    @Override
    protected ServerPackStore open() {
        return PostgresServerPackStore.open(database.db());
    }
}
