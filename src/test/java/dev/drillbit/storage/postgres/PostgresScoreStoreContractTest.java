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
import org.junit.jupiter.api.BeforeEach;

/** The score store contract against PostgreSQL, a fresh schema per test; a restart opens a new store over it. */
class PostgresScoreStoreContractTest extends ScoreStoreContract {
    private PostgresDatabase db;
    private final List<ScoreStore> crashed = new ArrayList<>();

    @BeforeEach
    void freshSchema() {
        db = TestPostgres.freshDatabase();
    }

    @AfterEach
    void closeDatabase() {
        // runs before the contract's own @AfterEach closes the store: an idle store's close needs no connection
        crashed.forEach(ScoreStore::close);
        db.close();
    }

    /**
     * A crash as the database sees one: the store is dropped without closing, and the server cuts every
     * connection of the process (as when its sockets close). Only what was committed can be there after.
     */
    @Override
    protected void crash(ScoreStore store) {
        crashed.add(store);
        try (Connection c = db.connection(); Statement st = c.createStatement()) {
            st.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE pid <> pg_backend_pid() "
                    + "AND application_name = '" + PostgresDatabase.applicationName(db.settings()) + "'");
        } catch (SQLException e) {
            throw new IllegalStateException("could not cut the store's connections", e);
        }
    }

    @Override
    protected ScoreStore open(Clock clock, GuildZones zones) {
        return PostgresScoreStore.open(db, clock, zones);
    }
}
