package dev.drillbit.storage.postgres;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh, migrated schema on the test server for each test ({@link TestPostgres}), closed after the test's
 * own {@code @AfterEach} methods (the contracts close their stores there). Use with
 * {@code @RegisterExtension}.
 */
final class FreshDatabase implements BeforeEachCallback, AfterEachCallback {
    private PostgresDatabase db;

    @Override
    public void beforeEach(ExtensionContext context) {
        db = TestPostgres.freshDatabase();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (db != null) {
            db.close();
            db = null;
        }
    }

    PostgresDatabase db() {
        return db;
    }
}
