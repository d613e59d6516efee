package dev.drillbit.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drillbit.config.Config;
import dev.drillbit.storage.postgres.PostgresForTests;
import dev.drillbit.testsupport.BotHarness;
import dev.drillbit.testsupport.Fixtures;

/** {@link AnywhereEndToEndTest} with the bot on PostgreSQL: the same behaviours, and forget empties the database. */
class PostgresAnywhereEndToEndTest extends AnywhereEndToEndTest {
    private Config.Storage storage;

    @Override
    BotHarness startHarness() throws InterruptedException {
        storage = PostgresForTests.freshStorageConfig();
        return new BotHarness(Fixtures.goodBank(), true, storage);
    }

    @Override
    void assertNothingStoredOf(long userId) {
        assertThat(PostgresForTests.columnsHolding(storage, userId)).isEmpty();
    }
}
