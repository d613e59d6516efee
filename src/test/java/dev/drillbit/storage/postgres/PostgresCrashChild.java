package dev.drillbit.storage.postgres;

import dev.drillbit.progress.Answers;
import dev.drillbit.progress.GuildZones;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * A child process for {@link PostgresCrashTest}: records answers from many threads at full speed into the
 * PostgreSQL schema {@code args[2]} at {@code args[0]} (user {@code args[1]}, password from
 * {@code DRILLBIT_DB_PASSWORD}) and prints "ack <id>" for each acknowledged one, until it is killed.
 */
public final class PostgresCrashChild {
    private PostgresCrashChild() {}

    public static void main(String[] args) {
        String password =
                Optional.ofNullable(System.getenv("DRILLBIT_DB_PASSWORD")).orElse("");
        int threads = Integer.parseInt(args[3]);
        PostgresDatabase db = PostgresDatabase.open(new PostgresSettings(args[0], args[1], password)
                .withSchema(args[2])
                .withPoolSize(4));
        PostgresScoreStore store = PostgresScoreStore.open(db, Clock.systemUTC(), GuildZones.utc());
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false);
        for (int t = 0; t < threads; t++) {
            long user = t % PostgresCrashTest.USERS;
            Thread w = new Thread(() -> {
                while (true) {
                    long id = store.record(Answers.right(user, user % 2 == 0 ? "sql" : "caching", 5, Instant.now()))
                            .join()
                            .id();
                    synchronized (out) {
                        out.println("ack " + id);
                        out.flush();
                    }
                }
            });
            w.start();
        }
    }
}
