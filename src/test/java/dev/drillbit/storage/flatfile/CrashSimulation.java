package dev.drillbit.storage.flatfile;

import java.lang.reflect.Field;
import java.nio.channels.FileChannel;

/**
 * Leaves a store as a killed process would: the journal stays as written, no compaction on close. Only
 * the lock is released (the OS would), so that the test can reopen the directory.
 */
final class CrashSimulation {
    private CrashSimulation() {}

    static void abandon(FlatFileScoreStore store) {
        try {
            Field lock = FlatFileScoreStore.class.getDeclaredField("lock");
            lock.setAccessible(true);
            ((dev.drillbit.storage.DirectoryLock) lock.get(store)).close();
            Field live = FlatFileScoreStore.class.getDeclaredField("live");
            live.setAccessible(true);
            ((FileChannel) live.get(store)).close();
        } catch (ReflectiveOperationException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
