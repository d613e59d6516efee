package dev.drillbit.storage.flatfile;

import static dev.drillbit.progress.Answers.GUILD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import dev.drillbit.progress.AnswerEvent;
import dev.drillbit.progress.Answers;
import dev.drillbit.progress.stats.Accuracy;
import dev.drillbit.progress.stats.MemberStats;
import dev.drillbit.storage.DataFileException;
import dev.drillbit.storage.UnsupportedVersionException;
import dev.drillbit.testsupport.Fixtures;
import dev.drillbit.testsupport.LogCapture;
import dev.drillbit.testsupport.ManualTime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each case starts from the files in {@code src/test/resources/progress/<case>}. */
class DataFileFixturesTest {
    private static final String JOURNAL = "journal-000000000001.jsonl";
    private final ManualTime time = ManualTime.at("2026-01-05T12:00:00Z");

    @TempDir
    Path dir;

    private Path fixture(String name) throws IOException {
        Path from = Fixtures.resource("progress/" + name);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName().toString()));
            }
        }
        return dir;
    }

    private FlatFileScoreStore open() {
        return FlatFileScoreStore.open(StoreOptions.defaults(dir).withClock(time));
    }

    private Map<String, byte[]> contents() throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                if (!f.getFileName().toString().equals(FlatFileScoreStore.LOCK)) {
                    out.put(dir.relativize(f).toString(), Files.readAllBytes(f));
                }
            }
        }
        return out;
    }

    @Test
    @DisplayName("a torn last line is dropped with a warning naming its byte offset, and appending goes on")
    void tornTail() throws Exception {
        fixture("torn-tail");
        try (LogCapture log = LogCapture.attach("dev.drillbit.storage", Level.WARN);
                FlatFileScoreStore store = open()) {
            assertThat(log.lines())
                    .anySatisfy(l -> assertThat(l)
                            .contains("torn last line")
                            .contains(JOURNAL)
                            .contains("byte offset 570"));
            assertThat(store.memberStats(GUILD, 7).orElseThrow().points()).isEqualTo(45);
            assertThat(store.record(Answers.right(7, 5, "2026-01-05T11:00:00Z"))
                            .join()
                            .id())
                    .isEqualTo(4);
        }
        try (FlatFileScoreStore store = open()) {
            assertThat(store.history(GUILD, 7)).extracting(AnswerEvent::id).containsExactly(1L, 3L, 4L);
        }
    }

    @Test
    @DisplayName("damage before the last line stops start-up naming file and line, and leaves the file untouched")
    void damageInTheMiddle() throws Exception {
        fixture("damaged-middle");
        Map<String, byte[]> before = contents();

        assertThatThrownBy(this::open)
                .isInstanceOf(DataFileException.class)
                .hasMessageContaining(JOURNAL + ":3: damaged line at byte offset 228")
                .hasMessageContaining("left untouched")
                .hasMessageContaining("repair")
                .satisfies(e -> assertThat(((DataFileException) e).line()).isEqualTo(3));
        Map<String, byte[]> after = contents();
        assertThat(after).containsOnlyKeys(before.keySet());
        before.forEach((k, v) -> assertThat(after.get(k)).isEqualTo(v));
    }

    @Test
    @DisplayName("repair keeps every readable event, moves the damaged file aside with a timestamp, reports the drop")
    void repairSalvages() throws Exception {
        fixture("damaged-middle");
        byte[] original = Files.readAllBytes(dir.resolve(JOURNAL));

        RepairReport report = FlatFileRepair.repair(dir, time);

        assertThat(report.files()).singleElement().satisfies(f -> {
            assertThat(f.keptEvents()).isEqualTo(2);
            assertThat(f.movedTo().getFileName().toString()).isEqualTo(JOURNAL + ".damaged-20260105T120000Z");
            assertThat(f.dropped()).singleElement().satisfies(d -> {
                assertThat(d.line()).isEqualTo(3);
                assertThat(d.offset()).isEqualTo(228);
                assertThat(d.reason()).contains("malformed JSON");
            });
        });
        assertThat(Files.readAllBytes(report.files().get(0).movedTo())).isEqualTo(original);
        try (FlatFileScoreStore store = open()) {
            assertThat(store.memberStats(GUILD, 7).orElseThrow().points()).isEqualTo(45);
            assertThat(store.memberStats(GUILD, 8)).isEmpty();
        }
        assertThat(FlatFileRepair.repair(dir, time).changedAnything()).isFalse();
    }

    @Test
    @DisplayName("an empty journal (crash while it was created) is started afresh with a warning")
    void emptyJournal() throws Exception {
        fixture("empty-journal");
        try (LogCapture log = LogCapture.attach("dev.drillbit.storage", Level.WARN);
                FlatFileScoreStore store = open()) {
            assertThat(log.lines())
                    .anySatisfy(
                            l -> assertThat(l)
                                    .contains(JOURNAL)
                                    .contains(
                                            "has no complete header (crash while it was created, 0 bytes): starting it afresh"));
            store.record(Answers.right(7, 5, "2026-01-05T11:00:00Z")).join();
        }
        try (FlatFileScoreStore store = open()) {
            assertThat(store.memberStats(GUILD, 7).orElseThrow().points()).isEqualTo(5);
        }
    }

    @Test
    @DisplayName("an empty snapshot is refused: snapshots are written whole")
    void emptySnapshot() throws Exception {
        fixture("empty-snapshot");
        assertThatThrownBy(this::open)
                .isInstanceOf(DataFileException.class)
                .hasMessageContaining("snapshot.jsonl: the snapshot is empty")
                .hasMessageContaining("left untouched");
        assertThat(Files.size(dir.resolve("snapshot.jsonl"))).isZero();

        RepairReport report = FlatFileRepair.repair(dir, time);
        assertThat(report.files())
                .singleElement()
                .satisfies(f -> assertThat(f.movedTo().getFileName().toString()).startsWith("snapshot.jsonl.damaged-"));
        try (FlatFileScoreStore store = open()) {
            assertThat(store.memberStats(GUILD, 7)).isEmpty();
        }
    }

    @Test
    @DisplayName("a snapshot without a journal loads and starts the generation it names")
    void snapshotWithoutJournal() throws Exception {
        fixture("snapshot-only");
        try (LogCapture log = LogCapture.attach("dev.drillbit.storage", Level.INFO);
                FlatFileScoreStore store = open()) {
            assertThat(log.lines())
                    .anySatisfy(
                            l -> assertThat(l).contains("Snapshot without a journal: starting journal generation 3"));
            MemberStats s = store.memberStats(GUILD, 7).orElseThrow();
            assertThat(s.points()).isEqualTo(45);
            assertThat(s.byStep())
                    .containsEntry("sql", new Accuracy(2, 2))
                    .containsEntry("caching", new Accuracy(1, 0));
            assertThat(s.currentStreak()).isEqualTo(2);
            assertThat(s.bestStreak()).isEqualTo(4);
            assertThat(store.record(Answers.right(8, 5, "2026-01-05T11:00:00Z"))
                            .join()
                            .id())
                    .isEqualTo(42);
        }
        assertThat(dir.resolve("journal-000000000003.jsonl")).doesNotExist(); // compacted on close
        assertThat(dir.resolve("journal-000000000004.jsonl")).exists();
    }

    @Test
    @DisplayName("a journal without a snapshot is replayed from the start")
    void journalWithoutSnapshot() throws Exception {
        fixture("journal-only");
        try (FlatFileScoreStore store = open()) {
            assertThat(store.memberStats(GUILD, 7).orElseThrow().points()).isEqualTo(45);
            assertThat(store.memberStats(GUILD, 8).orElseThrow().overall()).isEqualTo(new Accuracy(1, 0));
        }
    }

    @Test
    @DisplayName("a missing journal generation stops start-up instead of losing its events")
    void missingGeneration() throws Exception {
        fixture("missing-generation");
        assertThatThrownBy(this::open)
                .isInstanceOf(DataFileException.class)
                .hasMessageContaining(
                        "journal-000000000002.jsonl: journal generation 2 is missing but generation 3 " + "exists");
    }

    @Test
    @DisplayName("files from a newer version are refused, never misread, and repair leaves them alone")
    void newerVersions() throws Exception {
        fixture("newer-journal");
        assertThatThrownBy(this::open)
                .isInstanceOf(UnsupportedVersionException.class)
                .hasMessageContaining(JOURNAL + ":1: format version 3 is newer than this drillbit understands (2)")
                .hasMessageContaining("upgrade drillbit");
        assertThatThrownBy(() -> FlatFileRepair.repair(dir, time)).isInstanceOf(UnsupportedVersionException.class);
        Files.delete(dir.resolve(JOURNAL));

        fixture("newer-snapshot");
        assertThatThrownBy(this::open)
                .isInstanceOf(UnsupportedVersionException.class)
                .hasMessageContaining("snapshot.jsonl:1: format version 4 is newer than this drillbit understands (3)");
        assertThatThrownBy(() -> FlatFileRepair.repair(dir, time)).isInstanceOf(UnsupportedVersionException.class);
        assertThat(dir.resolve("snapshot.jsonl")).exists();
    }

    @Test
    void olderVersionIsRefusedClearly() throws Exception {
        Files.writeString(dir.resolve(JOURNAL), "{\"format\":\"drillbit-journal\",\"version\":0,\"generation\":1}\n");
        assertThatThrownBy(this::open)
                .isInstanceOf(UnsupportedVersionException.class)
                .hasMessageContaining("format version 0 is older than any this drillbit can migrate");
    }

    static Instant at(String s) {
        return Instant.parse(s);
    }

    @Test
    @DisplayName("a version 2 snapshot's per-server decks merge into each person's deck, the latest card winning")
    void version2DecksMergeIntoThePerson() throws Exception {
        // GIVEN files written by the version 2 store: a snapshot with member 7's decks in two servers, and a
        // journal after it
        fixture("version-2-two-servers");
        ManualTime later = ManualTime.at("2026-03-14T12:00:00Z");

        // WHEN the store opens them, and again after it compacted into the current version
        try (FlatFileScoreStore store = FlatFileScoreStore.open(
                StoreOptions.defaults(dir).withClock(later).withCompactEvery(1))) {
            // THEN
            dev.drillbit.learning.PersonalDeckUpgrade.assertMerged(store);
            store.setReminder(8, false).join(); // one event: a compaction writes the current version
        }
        assertThat(Files.readString(dir.resolve("snapshot.jsonl")))
                .startsWith("{\"format\":\"drillbit-snapshot\",\"version\":3,");
        try (FlatFileScoreStore store =
                FlatFileScoreStore.open(StoreOptions.defaults(dir).withClock(later))) {
            dev.drillbit.learning.PersonalDeckUpgrade.assertMerged(store);
        }
    }
}
