package dev.drillbit.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One user of a data folder at a time, across processes: an OS file lock on a lock file in the folder,
 * which the OS drops when a process dies. Thread-safe; {@link #close} is idempotent.
 */
public final class DirectoryLock implements AutoCloseable {
    private final FileChannel channel;

    private DirectoryLock(FileChannel channel) {
        this.channel = channel;
    }

    /**
     * Takes the lock on {@code file} (created if missing).
     *
     * @param elsewhere the message when another process holds it
     * @param here the message when this process holds it already
     * @throws IllegalStateException with one of the messages when the lock is held
     */
    public static DirectoryLock acquire(Path file, String elsewhere, String here) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            if (channel.tryLock() == null) {
                channel.close();
                throw new IllegalStateException(elsewhere);
            }
        } catch (OverlappingFileLockException e) {
            channel.close();
            throw new IllegalStateException(here, e);
        }
        return new DirectoryLock(channel);
    }

    /**
     * Creates the folder {@code dir} if missing and takes the lock file {@code lockName} in it, for the
     * store that keeps {@code what} there (e.g. "the server packs"), with messages naming both.
     *
     * @throws IllegalStateException when another process, or another store of this one, has the folder open
     * @throws java.io.UncheckedIOException when the folder cannot be created or locked
     */
    public static DirectoryLock ofFolder(Path dir, String lockName, String what) {
        try {
            java.nio.file.Files.createDirectories(dir);
            return acquire(
                    dir.resolve(lockName),
                    "another process has " + what + " in " + dir + " open",
                    what + " in " + dir + ": already open in this process");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("opening " + what + " in " + dir + " failed", e);
        }
    }

    /** What a store reads from its folder once it holds the lock. */
    @FunctionalInterface
    public interface Reading {
        void read() throws IOException;
    }

    /**
     * As {@link #ofFolder(Path, String, String)}, then {@code reading} the folder under the lock: when the
     * reading fails the lock is released again and the failure thrown, an {@link IOException} as an
     * {@link java.io.UncheckedIOException} naming {@code what} and the folder.
     */
    public static DirectoryLock ofFolder(Path dir, String lockName, String what, Reading reading) {
        DirectoryLock lock = ofFolder(dir, lockName, what);
        try {
            reading.read();
            return lock;
        } catch (IOException e) {
            lock.release();
            throw new java.io.UncheckedIOException("reading " + what + " in " + dir + " failed", e);
        } catch (RuntimeException e) {
            lock.release();
            throw e;
        }
    }

    /** Releases the lock. */
    @Override
    public void close() throws IOException {
        channel.close();
    }

    /** Releases the lock, logging (not throwing) when the OS refuses: it drops the lock with the process anyway. */
    public void release() {
        try {
            close();
        } catch (IOException e) {
            org.slf4j.LoggerFactory.getLogger(DirectoryLock.class).warn("releasing the lock {} failed", channel, e);
        }
    }
}
