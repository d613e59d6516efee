package dev.drillbit.storage;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;

/**
 * The on-disk format versions this build writes and reads, and the one check every header goes through:
 * a newer version is refused (never guessed at), an older one is refused unless a migration exists.
 *
 * <p>Version 2 (journal and snapshot) adds the learning loop. Journal: answer lines may carry
 * {@code elapsed}, {@code limit} and {@code choice}, and two new kinds, {@code review} and
 * {@code reminder}, exist. A version 1 reader would skip the new answer fields but stop at the new kinds
 * as "damaged", so the version is bumped to make an older build refuse the file cleanly instead.
 * Migration from 1: a version 1 journal is read as is (its lines are version 2 lines without the
 * optional fields); the store never appends to it but starts a new generation. Snapshot: member lines
 * carry the review deck, the questions seen and the reminder setting, and the header lists the question
 * ids they refer to; a version 1 reader would silently drop the decks, hence the bump. Migration from 1:
 * the learning state is rebuilt from the compacted generations in {@code history/} at open, and the next
 * compaction writes version 2.
 *
 * <p>Snapshot version 3 makes learning the person's: the review deck, seen questions and reminder live on
 * one member line per person under guild {@code 0} ({@code MemberRef.PERSONAL}), and guild lines keep only
 * scores. A version 2 reader would show every deck as empty, hence the bump. Migration from 2: each
 * person's per-guild learning is merged into their own line at open (the rule is in
 * {@code LearningStore}: the card with the latest review wins), and the next compaction writes version 3.
 * Journals are unchanged (version 2): the same events, applied to the person's deck on replay. Stateless.
 */
public final class FormatVersions {
    public static final int JOURNAL = 2;
    public static final int SNAPSHOT = 3;
    /** The oldest version this build migrates, for both files. */
    public static final int OLDEST = 1;

    public static final String JOURNAL_FORMAT = "drillbit-journal";
    public static final String SNAPSHOT_FORMAT = "drillbit-snapshot";

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
            throw new UnsupportedVersionException(
                    file,
                    version,
                    "format version " + version + " is newer than this drillbit "
                            + "understands (" + current + "); it was written by a later release. Refusing to read it: "
                            + "upgrade drillbit (the file is left untouched)");
        }
        if (version < OLDEST) {
            throw new UnsupportedVersionException(
                    file,
                    version,
                    "format version " + version + " is older than any this drillbit " + "can migrate (" + OLDEST
                            + " is the oldest readable); the file is left untouched");
        }
        return version;
    }

    private static String abbreviate(JsonNode node) {
        String s = node.toString();
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }
}
