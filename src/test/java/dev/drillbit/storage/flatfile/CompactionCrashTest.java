package dev.drillbit.storage.flatfile;

import static dev.drillbit.progress.Answers.GUILD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drillbit.progress.AnswerEvent;
import dev.drillbit.progress.Answers;
import dev.drillbit.testsupport.ManualTime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The directory states a crash can leave between the steps of a compaction, laid out by hand. */
class CompactionCrashTest {
    private static final Instant T0 = Instant.parse("2026-03-10T12:00:00Z");
    private static final String GEN1 = JournalFile.name(1);
    private static final String GEN2 = JournalFile.name(2);

    @TempDir
    Path dir;

    private FlatFileScoreStore open() {
        return FlatFileScoreStore.open(StoreOptions.defaults(dir).withClock(new ManualTime(T0)));
    }

    private void recordFive(FlatFileScoreStore store) {
        for (int i = 0; i < 5; i++) {
            store.record(Answers.right(7, "sql", 10, T0.plusSeconds(i))).join();
        }
    }

    @Test
    @DisplayName("crash after the snapshot rename, before the old journal was deleted: it is not replayed again")
    void afterCommit() throws Exception {
        try (FlatFileScoreStore store = open()) {
            recordFive(store);
        }
        Files.copy(dir.resolve("history").resolve(GEN1), dir.resolve(GEN1));

        try (FlatFileScoreStore store = open()) {
            assertThat(store.memberStats(GUILD, 7).orElseThrow().answered()).isEqualTo(5);
            assertThat(store.history(GUILD, 7)).hasSize(5);
        }
        assertThat(dir.resolve(GEN1)).doesNotExist();
    }

    @Test
    @DisplayName("crash before the snapshot rename: the old snapshot's journals are replayed, stale copies dropped")
    void beforeCommit() throws Exception {
        FlatFileScoreStore crashed = open();
        recordFive(crashed);
        CrashSimulation.abandon(crashed);
        // steps 1 and 2 done: the next journal exists, the finished one is archived; no snapshot yet
        Files.write(dir.resolve(GEN2), JournalFile.header(2));
        Files.copy(dir.resolve(GEN1), dir.resolve("history").resolve(GEN1));
        Files.writeString(dir.resolve("snapshot.jsonl.tmp"), "{\"format\":\"drillbit-snap");

        try (FlatFileScoreStore store = open()) {
            assertThat(store.memberStats(GUILD, 7).orElseThrow().answered()).isEqualTo(5);
            assertThat(dir.resolve("snapshot.jsonl.tmp")).doesNotExist();
            assertThat(dir.resolve("history").resolve(GEN1)).doesNotExist();
            store.record(Answers.right(7, "sql", 10, T0.plusSeconds(60))).join();
            assertThat(store.history(GUILD, 7)).hasSize(6);
        }
        try (FlatFileScoreStore store = open()) {
            assertThat(store.memberStats(GUILD, 7).orElseThrow().answered()).isEqualTo(6);
            assertThat(store.history(GUILD, 7)).extracting(AnswerEvent::id).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        }
    }

    @Test
    @DisplayName("a lost snapshot is rebuilt from history and journals")
    void lostSnapshot() throws Exception {
        try (FlatFileScoreStore store = open()) {
            recordFive(store);
        }
        try (FlatFileScoreStore store = open()) {
            recordFive(store);
        }
        Files.delete(dir.resolve("snapshot.jsonl"));

        try (FlatFileScoreStore store = open()) {
            assertThat(store.memberStats(GUILD, 7).orElseThrow().answered()).isEqualTo(10);
            assertThat(store.memberStats(GUILD, 7).orElseThrow().points()).isEqualTo(100);
        }
    }
}
