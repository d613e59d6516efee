package dev.drillbit.storage.flatfile;

import static dev.drillbit.progress.Answers.GUILD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drillbit.progress.AnswerCsv;
import dev.drillbit.progress.AnswerEvent;
import dev.drillbit.progress.Answers;
import dev.drillbit.progress.Forgotten;
import dev.drillbit.progress.stats.LeaderboardEntry;
import dev.drillbit.progress.stats.LeaderboardPeriod;
import dev.drillbit.quiz.SelfGrade;
import dev.drillbit.testsupport.ManualTime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What only the flat files do: compaction, files after forget, crash replay, the folder lock. The rest is in {@link FlatFileScoreStoreContractTest}. */
class FlatFileScoreStoreTest {
    private static final Instant T0 = Instant.parse("2026-03-10T12:00:00Z");
    private final ManualTime time = new ManualTime(T0);

    @TempDir
    Path dir;

    private FlatFileScoreStore open(int compactEvery) {
        return FlatFileScoreStore.open(
                StoreOptions.defaults(dir).withClock(time).withCompactEvery(compactEvery));
    }

    @Test
    @DisplayName("compaction writes a snapshot, archives the journal, and a reopen counts each event once")
    void compactionNeverDoubleCounts() throws Exception {
        try (FlatFileScoreStore store = open(10)) {
            for (int i = 0; i < 25; i++) {
                store.record(Answers.right(i % 3, "sql", 10, T0.plusSeconds(i))).join();
            }
            assertThat(store.compactions()).isEqualTo(2);
        }
        assertThat(dir.resolve("snapshot.jsonl")).exists();
        assertThat(Files.list(dir.resolve("history")).count()).isEqualTo(3);
        try (FlatFileScoreStore store = open(10)) {
            long total = 0;
            for (long u = 0; u < 3; u++) {
                total += store.memberStats(GUILD, u).orElseThrow().answered();
                assertThat(store.history(GUILD, u)).hasSize(u == 0 ? 9 : 8);
            }
            assertThat(total).isEqualTo(25);
            assertThat(store.leaderboard(GUILD, LeaderboardPeriod.ALL_TIME, Optional.empty(), 0, ZoneOffset.UTC)
                            .top())
                    .extracting(LeaderboardEntry::points)
                    .containsExactly(90L, 80L, 80L);
        }
    }

    @Test
    @DisplayName("forget erases at once, survives replay before compaction, and is gone from files after it")
    void forgetIsNeverResurrected() throws Exception {
        try (FlatFileScoreStore store = open(1000)) {
            store.record(Answers.right(7, "sql", 10, T0)).join();
            store.record(Answers.right(8, "sql", 10, T0)).join();
            Forgotten f = store.forget(GUILD, 7).join();

            assertThat(f.hadData()).isTrue();
            assertThat(store.memberStats(GUILD, 7)).isEmpty();
            assertThat(store.history(GUILD, 7)).isEmpty();
            assertThat(store.forget(GUILD, 99).join().hadData()).isFalse();
        }
        // close compacted; the journal and history no longer hold member 7's answer
        try (FlatFileScoreStore store = open(1000)) {
            assertThat(store.memberStats(GUILD, 7)).isEmpty();
            assertThat(store.memberStats(GUILD, 8)).isPresent();
            store.record(Answers.right(7, "sql", 5, T0.plusSeconds(60))).join();
            assertThat(store.memberStats(GUILD, 7).orElseThrow().points()).isEqualTo(5);
        }
        for (Path f : Files.list(dir.resolve("history")).toList()) {
            assertThat(Files.readString(f))
                    .doesNotContain("\"user\":7,\"question\":\"sql-001\",\"step\":\"sql\","
                            + "\"difficulty\":\"mid\",\"type\":\"multiple_choice\",\"correct\":true,\"points\":10");
        }
    }

    @Test
    @DisplayName("a forget in the journal is replayed after a crash without compaction")
    void forgetReplayedFromJournal() {
        FlatFileScoreStore store = open(1000);
        store.record(Answers.right(7, "sql", 10, T0)).join();
        store.forget(GUILD, 7).join();
        store.record(Answers.right(7, "sql", 3, T0.plusSeconds(1))).join();
        CrashSimulation.abandon(store);

        try (FlatFileScoreStore reopened = open(1000)) {
            assertThat(reopened.memberStats(GUILD, 7).orElseThrow().points()).isEqualTo(3);
            assertThat(reopened.history(GUILD, 7))
                    .extracting(AnswerEvent::points)
                    .containsExactly(3);
        }
    }

    @Test
    @DisplayName("a second store on the same folder is refused while the first has it open")
    void secondOpenIsRefused() {
        try (FlatFileScoreStore store = open(1000)) {
            assertThatThrownBy(() -> open(1000))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already open");
        }
    }

    @Test
    void historyExportsAsCsv() {
        try (FlatFileScoreStore store = open(1000)) {
            store.record(Answers.open(7, "api, \"rest\"", SelfGrade.PARTLY, 15, T0))
                    .join();
            List<AnswerEvent> history = store.history(GUILD, 7);

            assertThat(AnswerCsv.toCsv(history))
                    .isEqualTo(
                            "event_id,guild_id,user_id,answered_at,question_id,step,difficulty,type,correct,self_grade,points\r\n"
                                    + "1,1000,7,2026-03-10T12:00:00Z,\"api, \"\"rest\"\"-003\",\"api, \"\"rest\"\"\",senior,"
                                    + "open,false,partly,15\r\n");
        }
    }
}
