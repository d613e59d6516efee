package dev.drillbit.storage;

import java.nio.file.Path;

/**
 * A data file in a format version this build neither reads nor migrates: written by a newer release, or
 * by one too old to migrate. Never repaired: the file is left as it is for the right release to read.
 */
public final class UnsupportedVersionException extends DataFileException {
    private final int version;

    UnsupportedVersionException(Path file, int version, String message) {
        super(file, 1, message);
        this.version = version;
    }

    public int version() {
        return version;
    }
}
