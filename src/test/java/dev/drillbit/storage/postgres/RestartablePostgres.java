package dev.drillbit.storage.postgres;

import dev.drillbit.config.Config;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;

/**
 * A PostgreSQL server of one test's own (zonky's embedded binaries), on a fixed port and data folder, so
 * that it can be stopped while the bot runs and started again with its data: a database restart.
 */
final class RestartablePostgres implements AutoCloseable {
    private final Path dataDir;
    private final int port;
    private EmbeddedPostgres server;

    private RestartablePostgres(Path dataDir, int port) {
        this.dataDir = dataDir;
        this.port = port;
    }

    /**
     * Starts a new server in {@code dataDir} on a free port below Linux's ephemeral range (32768 and up), so
     * that no server started meanwhile on "any free port" (the stand-ins of tests running beside) can take
     * it while the server is between its runs.
     */
    static RestartablePostgres start(Path dataDir) {
        java.util.SplittableRandom random = new java.util.SplittableRandom();
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = random.nextInt(20_000, 32_000);
            try (ServerSocket probe = new ServerSocket(port)) {
                probe.close();
                RestartablePostgres pg = new RestartablePostgres(dataDir, port);
                pg.startAgain();
                return pg;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IllegalStateException("no free port between 20000 and 32000");
    }

    /** Starts the server on the same port and data (after {@link #stop}). */
    void startAgain() {
        try {
            server = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setRegisterShutdownHook(true)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL on port " + port, e);
        }
    }

    /** Stops the server (a fast shutdown: open connections are cut). */
    void stop() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server = null;
    }

    PostgresSettings settings() {
        return new PostgresSettings("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "");
    }

    Config.Storage storage() {
        return new Config.Storage(Config.Storage.POSTGRES_TYPE, settings().url(), "postgres", null);
    }

    @Override
    public void close() {
        if (server != null) {
            stop();
        }
    }
}
