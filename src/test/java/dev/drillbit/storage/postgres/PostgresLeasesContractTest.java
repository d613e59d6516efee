package dev.drillbit.storage.postgres;

import dev.drillbit.learning.Leases;
import dev.drillbit.learning.LeasesContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The leases contract against PostgreSQL, a fresh schema per test; every open is another process's view. */
class PostgresLeasesContractTest extends LeasesContract {
    @RegisterExtension
    final FreshDatabase database = new FreshDatabase();

    @Override
    protected Leases open() {
        return PostgresLeases.open(database.db());
    }
}
