package dev.drillbit.storage.postgres;

import dev.drillbit.insights.FlagStore;
import dev.drillbit.insights.FlagStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The flag store contract against PostgreSQL, a fresh schema per test. */
class PostgresFlagStoreContractTest extends FlagStoreContract {
    @RegisterExtension
    final FreshDatabase database = new FreshDatabase();

    @Override
    protected FlagStore open() {
        return PostgresFlagStore.open(database.db());
    }
}
