package dev.drillbit.storage;

import java.nio.file.Path;

/**
 * A data file the store cannot read safely: damage before the last line, a missing journal, or a format
 * version this build does not understand. The message names the file and, where there is one, the line
 * and byte offset. The store leaves the file untouched; {@link dev.drillbit.storage.flatfile.FlatFileRepair#repair} can salvage it.
 */
public sealed class DataFileException extends RuntimeException permits UnsupportedVersionException {
    private final transient Path file;
    private final long line;

    public DataFileException(Path file, long line, String message) {
        super(file + (line > 0 ? ":" + line : "") + ": " + message);
        this.file = file;
        this.line = line;
    }

    public DataFileException(Path file, long line, String message, Throwable cause) {
        super(file + (line > 0 ? ":" + line : "") + ": " + message, cause);
        this.file = file;
        this.line = line;
    }

    public Path file() {
        return file;
    }

    /** The 1-based line, or 0 when the problem is not one line's. */
    public long line() {
        return line;
    }
}
