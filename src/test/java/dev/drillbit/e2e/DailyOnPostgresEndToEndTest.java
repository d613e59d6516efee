package dev.drillbit.e2e;

import dev.drillbit.config.Config;
import dev.drillbit.storage.postgres.TestPostgres;

/** Every test of {@link DailyEndToEndTest}, with the bot on PostgreSQL (a fresh schema) instead of the flat files. */
class DailyOnPostgresEndToEndTest extends DailyEndToEndTest {
    @Override
    Config.Storage storage() {
        return TestPostgres.freshStorageConfig();
    }
}
