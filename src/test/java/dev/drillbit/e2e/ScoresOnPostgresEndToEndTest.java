package dev.drillbit.e2e;

import dev.drillbit.config.Config;
import dev.drillbit.storage.postgres.TestPostgres;

/** Every test of {@link ScoresEndToEndTest}, with the bot on PostgreSQL (a fresh schema) instead of the flat files. */
class ScoresOnPostgresEndToEndTest extends ScoresEndToEndTest {
    @Override
    Config.Storage storage() {
        return TestPostgres.freshStorageConfig();
    }
}
