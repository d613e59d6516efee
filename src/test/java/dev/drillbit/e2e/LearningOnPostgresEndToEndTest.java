package dev.drillbit.e2e;

import dev.drillbit.config.Config;
import dev.drillbit.storage.postgres.TestPostgres;

/** Every test of {@link LearningEndToEndTest}, with the bot on PostgreSQL (a fresh schema) instead of the flat files. */
class LearningOnPostgresEndToEndTest extends LearningEndToEndTest {
    @Override
    Config.Storage storage() {
        return storage;
    }

    private final Config.Storage storage = TestPostgres.freshStorageConfig();

    /** Here: the reminders table has no row for the member (switching it off deletes the row). */
    @Override
    boolean reminderSwitchedOff(long userId) {
        return TestPostgres.count(storage, "SELECT count(*) FROM reminders WHERE user_id = ?", userId) == 0;
    }
}
