package dev.drillbit.storage.flatfile;

import dev.drillbit.daily.RunClaims;
import dev.drillbit.storage.Fsync;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * The {@link RunClaims} in the data folder: {@value #NAME}, one claimed run id a line, appended and forced
 * to disk before a claim returns. The flat files serve one process (the data folder's lock), so this is
 * the only claimer; the file is what makes a claim outlive a restart. A last line without its newline was
 * torn by a crash before its claim returned and is not a claim. Thread-safe: claims are serialized.
 */
public final class FlatFileRunClaims implements RunClaims {
    public static final String NAME = "daily-run-claims.txt";

    private final Path file;
    private final Set<String> claimed;

    private FlatFileRunClaims(Path file, Set<String> claimed) {
        this.file = file;
        this.claimed = claimed;
    }

    /** Reads the claims in {@code dataDir}; none when the file is not there yet. */
    public static FlatFileRunClaims open(Path dataDir) {
        Path file = dataDir.resolve(NAME);
        Set<String> claimed = new HashSet<>();
        if (Files.exists(file)) {
            try {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                int end = text.lastIndexOf('\n');
                if (end >= 0) {
                    for (String line : text.substring(0, end).split("\n")) {
                        if (!line.isEmpty()) {
                            claimed.add(line);
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
            }
        }
        return new FlatFileRunClaims(file, claimed);
    }

    @Override
    public synchronized boolean claim(String runId, Instant now) {
        if (runId.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("a run id is one line: " + runId);
        }
        if (claimed.contains(runId)) {
            return false;
        }
        try {
            boolean created = !Files.exists(file);
            Files.createDirectories(file.getParent());
            try (FileChannel out = FileChannel.open(
                    file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                out.write(ByteBuffer.wrap((runId + "\n").getBytes(StandardCharsets.UTF_8)));
                out.force(true);
            }
            if (created) {
                Fsync.directory(file.getParent());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException(
                    "daily run " + runId + " could not be claimed in " + file + ": " + e.getMessage(), e));
        }
        claimed.add(runId);
        return true;
    }
}
