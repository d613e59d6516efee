package dev.drillbit.storage.flatfile;

import dev.drillbit.progress.Answers;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;

/**
 * A child process for {@link CrashRecoveryTest}: records answers from many threads at full speed into
 * {@code args[0]} and prints "ack <id>" for each acknowledged one, until it is killed.
 */
public final class CrashChild {
    private CrashChild() {}

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        int threads = Integer.parseInt(args[1]);
        int compactEvery = Integer.parseInt(args[2]);
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false);
        FlatFileScoreStore store =
                FlatFileScoreStore.open(StoreOptions.defaults(dir).withCompactEvery(compactEvery));
        synchronized (out) {
            out.println("ready");
            out.flush();
        }
        for (int t = 0; t < threads; t++) {
            long user = t % 8;
            Thread w = new Thread(() -> {
                while (true) {
                    long id = store.record(Answers.right(user, t(user), 5, Instant.now()))
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

    private static String t(long user) {
        return user % 2 == 0 ? "sql" : "caching";
    }
}
