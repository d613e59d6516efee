package dev.drillbit.storage.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One PostgreSQL database opened for the stores: a HikariCP pool, with the schema brought up to date by the
 * Flyway migrations shipped in the jar ({@code db/migration}) before anything reads it. The stores share
 * it; whoever opened it closes it, after the stores.
 *
 * <p>Thread-safe (the pool is).
 */
public final class PostgresDatabase implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PostgresDatabase.class);

    private final HikariDataSource pool;
    private final PostgresSettings settings;

    private PostgresDatabase(HikariDataSource pool, PostgresSettings settings) {
        this.pool = pool;
        this.settings = settings;
    }

    /**
     * Connects, migrates the schema and returns the open database.
     *
     * @throws StorageUnavailableException when the server cannot be reached or logged in to, or the
     *     migration fails; the message is one line naming the URL and user (never the password)
     */
    public static PostgresDatabase open(PostgresSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("drillbit-postgres");
        config.setJdbcUrl(settings.url());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.poolSize());
        config.setMinimumIdle(1);
        config.setConnectionTimeout(5_000);
        config.setInitializationFailTimeout(1);
        config.setAutoCommit(true);
        settings.schema().ifPresent(config::setSchema);
        // what pg_stat_activity shows for the bot's connections
        config.addDataSourceProperty("ApplicationName", applicationName(settings));
        // server errors in logs without the failing row's values (member data)
        config.addDataSourceProperty("logServerErrorDetail", "false");
        // acknowledged means on disk, whatever the server's default: set once per connection, not per commit
        config.addDataSourceProperty("options", "-c synchronous_commit=on");
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (HikariPool.PoolInitializationException e) {
            throw new StorageUnavailableException(
                    "cannot connect to PostgreSQL at " + settings.safeUrl() + " as " + settings.user() + ": "
                            + rootMessage(e),
                    e);
        }
        try {
            MigrateResult result = Flyway.configure()
                    .dataSource(pool)
                    .locations("classpath:db/migration")
                    .schemas(settings.schema().map(s -> new String[] {s}).orElse(new String[0]))
                    .createSchemas(true)
                    .load()
                    .migrate();
            log.info(
                    "PostgreSQL at {} ({}) ready: {} migration(s) applied{}",
                    settings.safeUrl(),
                    settings.schema().orElse("default schema"),
                    result.migrationsExecuted,
                    result.migrationsExecuted == 0
                            ? ", schema up to date"
                            : ", now at version " + result.targetSchemaVersion);
        } catch (RuntimeException e) {
            pool.close();
            throw new StorageUnavailableException(
                    "cannot migrate the PostgreSQL schema at " + settings.safeUrl() + ": " + rootMessage(e), e);
        }
        return new PostgresDatabase(pool, settings);
    }

    /** {@code drillbit}, or {@code drillbit/<schema>} when a schema is set. */
    static String applicationName(PostgresSettings settings) {
        return "drillbit" + settings.schema().map(s -> "/" + s).orElse("");
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return m.lines().findFirst().orElse(m);
    }

    DataSource dataSource() {
        return pool;
    }

    /** True when the database answers a trivial query within {@code timeoutSeconds}; never throws. */
    public boolean answers(int timeoutSeconds) {
        try (Connection c = pool.getConnection()) {
            return c.isValid(timeoutSeconds);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    Connection connection() throws SQLException {
        return pool.getConnection();
    }

    PostgresSettings settings() {
        return settings;
    }

    /** Closes the pool. Idempotent. */
    @Override
    public void close() {
        pool.close();
    }
}
