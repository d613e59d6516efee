package dev.drillbit.storage.postgres;

import dev.drillbit.daily.DailyRepository;
import dev.drillbit.daily.DailyRepositoryContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The daily repository contract against PostgreSQL, a fresh schema per test; every open shares it. */
class PostgresDailyRepositoryContractTest extends DailyRepositoryContract {
    @RegisterExtension
    final FreshDatabase database = new FreshDatabase();

    @Override
    protected DailyRepository open() {
        return PostgresDailyRepository.open(database.db());
    }
}
