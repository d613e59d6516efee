package dev.drillbit.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Forcing files and directories to disk. Shared with the other packages that keep durable files
 * ({@code daily}), so every store follows the same rules. Stateless.
 */
public final class Fsync {
    private Fsync() {}

    /** Makes renames, creations and deletions in {@code dir} durable (POSIX; a no-op where unsupported). */
    public static void directory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            if (System.getProperty("os.name", "").startsWith("Windows")) {
                return;
            }
            throw e;
        }
    }

    public static void file(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }
}
