package dev.drillbit.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * Replaces a file whole, the way the score store writes its snapshot: write {@code <name>.tmp}, force
 * it, rename it over the file atomically, force the directory. A reader (or a restart after a crash at
 * any point) sees the old content or the new, never a mix; a leftover {@code .tmp} is never read.
 * Stateless; callers serialize writes to the same file.
 */
public final class AtomicFile {
    public static final String TMP = ".tmp";

    private AtomicFile() {}

    public static void write(Path file, byte[] content) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = file.resolveSibling(file.getFileName() + TMP);
        try (FileChannel channel = FileChannel.open(
                tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        Fsync.directory(dir);
    }

    /** What is done with each data file a folder holds. */
    @FunctionalInterface
    public interface FileReader {
        void read(Path file) throws IOException;
    }

    /**
     * Reads every file in {@code dir} whose name ends in {@code suffix}, in name order, then deletes the
     * temp files a crash left behind; when a read fails nothing is deleted.
     */
    public static void readFolder(Path dir, String suffix, FileReader reader) throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.sorted().toList();
        }
        for (Path file : files) {
            if (file.getFileName().toString().endsWith(suffix)) {
                reader.read(file);
            }
        }
        for (Path file : files) {
            if (file.getFileName().toString().endsWith(TMP)) {
                delete(file);
            }
        }
    }

    /** Deletes a file and makes the deletion durable. */
    public static void delete(Path file) throws IOException {
        if (Files.deleteIfExists(file)) {
            Fsync.directory(file.toAbsolutePath().getParent());
        }
    }
}
