package dev.drillbit.storage.postgres;

import dev.drillbit.daily.RunClaims;
import dev.drillbit.daily.RunClaimsContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The run claims contract against PostgreSQL, a fresh schema per test; every open shares it. */
class PostgresRunClaimsContractTest extends RunClaimsContract {
    @RegisterExtension
    final FreshDatabase database = new FreshDatabase();

    @Override
    protected RunClaims open() {
        return PostgresRunClaims.open(database.db());
    }
}
