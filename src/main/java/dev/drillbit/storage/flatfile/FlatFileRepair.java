package dev.drillbit.storage.flatfile;

import dev.drillbit.progress.GuildZones;
import dev.drillbit.progress.JournalEntry;
import dev.drillbit.storage.DataFileException;
import dev.drillbit.storage.DirectoryLock;
import dev.drillbit.storage.Fsync;
import dev.drillbit.storage.UnsupportedVersionException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Salvages a damaged score store folder while no store has it open ({@code drillbit repair-data}).
 * Stateless.
 */
public final class FlatFileRepair {
    private static final Logger log = LoggerFactory.getLogger(FlatFileRepair.class);
    private static final DateTimeFormatter ASIDE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private FlatFileRepair() {}

    /**
     * Salvages a damaged data directory while no store has it open. Each journal (live or history) with
     * damaged or torn lines is moved aside as {@code <name>.damaged-<UTC timestamp>} and written again
     * with every readable event; a damaged snapshot is moved aside the same way, and the next open
     * rebuilds the aggregates from history and journals. Files in a format version this build does not
     * read are never touched ({@link UnsupportedVersionException} is thrown). A folder that does not exist
     * has nothing to repair.
     *
     * @throws IllegalStateException when a store (in this or another process) has the folder open
     */
    public static RepairReport repair(Path dataDir, Clock clock) {
        if (!Files.isDirectory(dataDir)) {
            return new RepairReport(List.of());
        }
        try (DirectoryLock lock = DirectoryLock.acquire(
                dataDir.resolve(FlatFileScoreStore.LOCK),
                "another process has the score store in " + dataDir + " open; stop it before repairing",
                "the score store in " + dataDir + " is open in this process")) {
            return repairLocked(dataDir, clock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + dataDir + " for repair", e);
        }
    }

    private static RepairReport repairLocked(Path dataDir, Clock clock) {
        List<RepairReport.RepairedFile> repaired = new ArrayList<>();
        String suffix = ".damaged-" + ASIDE.format(clock.instant());
        try {
            Path historyDir = dataDir.resolve(FlatFileScoreStore.HISTORY);
            List<Map.Entry<Long, Path>> files =
                    new ArrayList<>(FlatFileScoreStore.journals(dataDir).entrySet());
            if (Files.isDirectory(historyDir)) {
                files.addAll(FlatFileScoreStore.journals(historyDir).entrySet());
            }
            for (Map.Entry<Long, Path> f : files) {
                List<JournalEntry> kept = new ArrayList<>();
                JournalFile.Scan scan = JournalFile.read(f.getValue(), f.getKey(), Long.MAX_VALUE, 0, true, kept::add);
                List<DroppedLine> dropped = new ArrayList<>(scan.dropped());
                if (scan.tornOffset() >= 0 && scan.headerPresent()) {
                    dropped.add(new DroppedLine(
                            f.getValue(),
                            scan.completeLines() + 1,
                            scan.tornOffset(),
                            "torn last line (" + scan.tornBytes() + " bytes without a newline)"));
                }
                if (dropped.isEmpty()) {
                    continue;
                }
                Path aside = f.getValue().resolveSibling(f.getValue().getFileName() + suffix);
                Path tmp = f.getValue().resolveSibling(f.getValue().getFileName() + ".tmp");
                StringBuilder sb = new StringBuilder();
                kept.forEach(e -> EntryCodec.encode(e, sb));
                try (FileChannel out = FileChannel.open(
                        tmp,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING)) {
                    out.write(ByteBuffer.wrap(JournalFile.header(f.getKey())));
                    ByteBuffer b = ByteBuffer.wrap(sb.toString().getBytes(StandardCharsets.UTF_8));
                    while (b.hasRemaining()) {
                        out.write(b);
                    }
                    out.force(true);
                }
                Files.move(f.getValue(), aside, StandardCopyOption.ATOMIC_MOVE);
                Files.move(tmp, f.getValue(), StandardCopyOption.ATOMIC_MOVE);
                Fsync.directory(f.getValue().getParent());
                log.warn(
                        "Repaired {}: kept {} events, dropped {} lines ({}); the original is {}",
                        f.getValue(),
                        kept.size(),
                        dropped.size(),
                        dropped,
                        aside);
                repaired.add(new RepairReport.RepairedFile(f.getValue(), aside, kept.size(), dropped));
            }
            Path snapshot = dataDir.resolve(SnapshotFile.NAME);
            if (Files.exists(snapshot)) {
                try {
                    SnapshotFile.read(snapshot, new Aggregates(GuildZones.utc()));
                } catch (UnsupportedVersionException e) {
                    throw e;
                } catch (DataFileException e) {
                    Path aside = snapshot.resolveSibling(SnapshotFile.NAME + suffix);
                    Files.move(snapshot, aside, StandardCopyOption.ATOMIC_MOVE);
                    Fsync.directory(dataDir);
                    log.warn(
                            "Moved the damaged snapshot aside to {} ({}); the next open rebuilds from history and "
                                    + "journals",
                            aside,
                            e.getMessage());
                    repaired.add(new RepairReport.RepairedFile(
                            snapshot, aside, 0, List.of(new DroppedLine(snapshot, e.line(), -1, e.getMessage()))));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot repair " + dataDir, e);
        }
        return new RepairReport(repaired);
    }
}
