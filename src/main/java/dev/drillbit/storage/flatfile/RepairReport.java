package dev.drillbit.storage.flatfile;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link FlatFileRepair#repair} did. Immutable.
 *
 * @param files every file that was rewritten or moved aside; empty when nothing was damaged
 */
public record RepairReport(List<RepairedFile> files) {
    public RepairReport {
        files = List.copyOf(files);
    }

    public boolean changedAnything() {
        return !files.isEmpty();
    }

    /**
     * One damaged file.
     *
     * @param movedTo where the original now lies, untouched
     * @param keptEvents events written back to {@code file} (0 for a snapshot, which is rebuilt on open)
     * @param dropped lines that could not be kept
     */
    public record RepairedFile(Path file, Path movedTo, long keptEvents, List<DroppedLine> dropped) {
        public RepairedFile {
            dropped = List.copyOf(dropped);
        }
    }
}
