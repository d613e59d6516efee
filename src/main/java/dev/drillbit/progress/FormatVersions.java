package dev.drillbit.progress;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;

/**
 * The on-disk format versions this build writes and reads, and the one check every header goes through:
 * a newer version is refused (never guessed at), an older one is refused unless a migration exists
 * (version 1 is the first, so none does yet). Stateless.
 */
public final class FormatVersions {
    static final int JOURNAL = 1;
    static final int SNAPSHOT = 1;
    static final String JOURNAL_FORMAT = "drillbit-journal";
    static final String SNAPSHOT_FORMAT = "drillbit-snapshot";

    private FormatVersions() {}

    /**
     * Checks a header's {@code format} and {@code version}; returns the version. Used by every data file
     * drillbit writes, so all of them refuse foreign versions the same way.
     *
     * @throws DataFileException naming the file when the header is not of {@code format}
     * @throws UnsupportedVersionException when the version is not {@code current}
     */
    public static int check(Path file, JsonNode header, String format, int current) {
        if (!header.isObject() || !format.equals(header.path("format").asText(null))) {
            throw new DataFileException(file, 1, "not a " + format + " file (header " + abbreviate(header) + ")");
        }
        JsonNode v = header.path("version");
        if (!v.canConvertToInt()) {
            throw new DataFileException(file, 1, "header has no format version");
        }
        int version = v.intValue();
        if (version > current) {
            throw new UnsupportedVersionException(file, version, "format version " + version + " is newer than this drillbit "
                    + "understands (" + current + "); it was written by a later release. Refusing to read it: "
                    + "upgrade drillbit (the file is left untouched)");
        }
        if (version < current) {
            throw new UnsupportedVersionException(file, version, "format version " + version + " is older than any this drillbit "
                    + "can migrate (" + current + " is the oldest readable); the file is left untouched");
        }
        return version;
    }

    private static String abbreviate(JsonNode node) {
        String s = node.toString();
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }
}
