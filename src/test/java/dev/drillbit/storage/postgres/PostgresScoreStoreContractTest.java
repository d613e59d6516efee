package dev.drillbit.storage.postgres;

import dev.drillbit.progress.GuildZones;
import dev.drillbit.progress.ScoreStore;
import dev.drillbit.progress.ScoreStoreContract;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The score store contract against PostgreSQL, a fresh schema per test; a restart opens a new store over it. */
class PostgresScoreStoreContractTest extends ScoreStoreContract {
    @RegisterExtension
    final FreshDatabase database = new FreshDatabase();

    private final List<ScoreStore> crashed = new ArrayList<>();

    @AfterEach
    void closeCrashedStores() {
        crashed.forEach(ScoreStore::close);
    }

    /**
     * A crash as the database sees one: the store is dropped without closing, and the server cuts every
     * connection of the process (as when its sockets close). Only what was committed can be there after.
     */
    @Override
    protected void crash(ScoreStore store) {
        crashed.add(store);
        try (Connection c = database.db().connection();
                Statement st = c.createStatement()) {
            st.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE pid <> pg_backend_pid() "
                    + "AND application_name = '"
                    + PostgresDatabase.applicationName(database.db().settings()) + "'");
        } catch (SQLException e) {
            throw new IllegalStateException("could not cut the store's connections", e);
        }
    }

    @Override
    protected ScoreStore open(Clock clock, GuildZones zones) {
        return PostgresScoreStore.open(database.db(), clock, zones);
    }
}
