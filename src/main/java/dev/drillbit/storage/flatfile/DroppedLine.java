package dev.drillbit.storage.flatfile;

import java.nio.file.Path;

/**
 * A line a read or a repair could not use. Immutable.
 *
 * @param line 1-based line number
 * @param offset byte offset of the line's first byte
 * @param reason what was wrong with it
 */
public record DroppedLine(Path file, long line, long offset, String reason) {
    @Override
    public String toString() {
        return file + ":" + line + " (byte offset " + offset + "): " + reason;
    }
}
