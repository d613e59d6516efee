package dev.drillbit.e2e;

import dev.drillbit.config.Config;
import dev.drillbit.storage.postgres.TestPostgres;

/** Every test of {@link SuggestionsEndToEndTest}, with the bot on PostgreSQL (a fresh schema). */
class SuggestionsOnPostgresEndToEndTest extends SuggestionsEndToEndTest {
    @Override
    Config.Storage storage() {
        return TestPostgres.freshStorageConfig();
    }
}
