package dev.drillbit.e2e;

import dev.drillbit.config.Config;
import dev.drillbit.storage.postgres.TestPostgres;

/** Every test of {@link BotEndToEndTest}, with the bot on PostgreSQL (a fresh schema) instead of the flat files. */
class BotOnPostgresEndToEndTest extends BotEndToEndTest {
    @Override
    Config.Storage storage() {
        return TestPostgres.freshStorageConfig();
    }
}
