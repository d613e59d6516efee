package dev.drillbit.storage.flatfile;

import static dev.drillbit.progress.Answers.GUILD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drillbit.progress.AnswerEvent;
import dev.drillbit.progress.Answers;
import dev.drillbit.progress.stats.LeaderboardPeriod;
import dev.drillbit.testsupport.ManualTime;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.stream.LongStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroupCommitTest {
    private static final Instant T0 = Instant.parse("2026-03-10T12:00:00Z");

    @TempDir
    Path dir;

    @Test
    @DisplayName("many concurrent writers each get a durable ack, and their events share fsyncs")
    void concurrentWritersShareFsyncs() throws Exception {
        int threads = 64;
        int perThread = 100;
        Set<Long> acked = ConcurrentHashMap.newKeySet();
        CountDownLatch start = new CountDownLatch(1);
        try (FlatFileScoreStore store = FlatFileScoreStore.open(
                StoreOptions.defaults(dir).withClock(new ManualTime(T0)).withCompactEvery(1_000_000))) {
            List<Thread> writers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                long user = t;
                Thread w = new Thread(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        return;
                    }
                    List<CompletableFuture<AnswerEvent>> mine = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        mine.add(store.record(Answers.right(user, "sql", 1, T0.plusMillis(i))));
                    }
                    mine.forEach(f -> acked.add(f.join().id()));
                });
                w.start();
                writers.add(w);
            }
            start.countDown();
            for (Thread w : writers) {
                w.join();
            }

            int events = threads * perThread;
            assertThat(acked)
                    .containsExactlyInAnyOrderElementsOf(
                            LongStream.rangeClosed(1, events).boxed().toList());
            assertThat(store.journalSyncs()).isPositive().isLessThan(events / 2);
            assertThat(store.leaderboard(
                                    GUILD,
                                    LeaderboardPeriod.ALL_TIME,
                                    java.util.Optional.empty(),
                                    0,
                                    java.time.ZoneOffset.UTC)
                            .ranked())
                    .isEqualTo(threads);
        }
        try (FlatFileScoreStore store =
                FlatFileScoreStore.open(StoreOptions.defaults(dir).withClock(new ManualTime(T0)))) {
            long total = LongStream.range(0, threads)
                    .map(u -> store.memberStats(GUILD, u).orElseThrow().answered())
                    .sum();
            assertThat(total).isEqualTo((long) threads * perThread);
        }
    }
}
