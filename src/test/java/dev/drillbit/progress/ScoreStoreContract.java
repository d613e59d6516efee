package dev.drillbit.progress;

import static dev.drillbit.progress.Answers.GUILD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drillbit.bank.Difficulty;
import dev.drillbit.progress.stats.Accuracy;
import dev.drillbit.progress.stats.Leaderboard;
import dev.drillbit.progress.stats.LeaderboardEntry;
import dev.drillbit.progress.stats.LeaderboardPeriod;
import dev.drillbit.progress.stats.MemberStats;
import dev.drillbit.quiz.SelfGrade;
import dev.drillbit.testsupport.ManualTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ScoreStore} promises, whatever keeps its data (in the style of spring-petclinic's
 * {@code AbstractClinicServiceTests}): each implementation extends this class once and says how to open
 * itself over the test's data. Covered: what is durable and visible when a returned future completes,
 * ordering, forget, replay after a restart, and concurrent writers.
 */
public abstract class ScoreStoreContract {
    protected static final Instant T0 = Instant.parse("2026-03-10T12:00:00Z");

    protected final ManualTime time = new ManualTime(T0);
    protected GuildZones zones = GuildZones.utc();
    private ScoreStore store;

    /**
     * Opens the store over this test's data: every call sees the same data, so a call after
     * {@link ScoreStore#close()} is a restart.
     */
    protected abstract ScoreStore open(Clock clock, GuildZones zones);

    protected final ScoreStore store() {
        if (store == null) {
            store = open(time, zones);
        }
        return store;
    }

    /** Closes the store and opens it again over the same data. */
    protected final ScoreStore restart() {
        store().close();
        store = open(time, zones);
        return store;
    }

    /**
     * Stops the store the way a crash would, without its orderly close. Implementations that can simulate
     * that override this; the default closes, which proves less.
     */
    protected void crash(ScoreStore store) {
        store.close();
    }

    /** Crashes the store and opens it again over the same data. */
    protected final ScoreStore crashAndRestart() {
        crash(store());
        store = open(time, zones);
        return store;
    }

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    private AnswerEvent record(Answer answer) {
        return store().record(answer).join();
    }

    @Test
    @DisplayName("when the future completes, the answer is in the member's stats and history (read your own writes)")
    void anAcknowledgedAnswerIsVisible() {
        AnswerEvent stored = record(Answers.right(7, "sql", 25, T0));

        assertThat(store().memberStats(GUILD, 7)).get().satisfies(s -> {
            assertThat(s.points()).isEqualTo(25);
            assertThat(s.overall()).isEqualTo(new Accuracy(1, 1));
        });
        assertThat(store().history(GUILD, 7)).containsExactly(stored);
    }

    @Test
    @DisplayName("the event as acknowledged is the event as stored: same fields, timing and choice kept")
    void theAcknowledgedEventIsTheStoredOne() {
        AnswerEvent stored = record(Answers.right(7, "sql", 25, T0.plusNanos(1_234_567))
                .withTiming(java.time.Duration.ofMillis(4_200), java.time.Duration.ofSeconds(30))
                .withChoice(2));

        assertThat(stored.at()).isEqualTo(T0.plusMillis(1));
        assertThat(stored.choice()).hasValue(2);
        assertThat(stored.elapsedMillis()).hasValue(4_200);
        assertThat(restart().history(GUILD, 7)).containsExactly(stored);
    }

    @Test
    @DisplayName("every acknowledged answer survives a restart, with the same figures")
    void acknowledgedAnswersSurviveARestart() {
        List<AnswerEvent> acked = List.of(
                record(Answers.right(7, "sql", 25, T0)),
                record(Answers.wrong(7, "caching", T0.plusSeconds(5))),
                record(Answers.open(7, "sql", SelfGrade.PARTLY, 15, T0.plusSeconds(9))));

        restart();

        MemberStats s = store().memberStats(GUILD, 7).orElseThrow();
        assertThat(s.points()).isEqualTo(40);
        assertThat(s.overall()).isEqualTo(new Accuracy(3, 1));
        assertThat(s.byStep()).containsEntry("sql", new Accuracy(2, 1)).containsEntry("caching", new Accuracy(1, 0));
        assertThat(s.byDifficulty())
                .containsEntry(Difficulty.MID, new Accuracy(1, 1))
                .containsEntry(Difficulty.JUNIOR, new Accuracy(1, 0))
                .containsEntry(Difficulty.SENIOR, new Accuracy(1, 0));
        assertThat(s.lastActive()).isEqualTo(T0.plusSeconds(9));
        assertThat(store().history(GUILD, 7)).containsExactlyElementsOf(acked);
    }

    @Test
    @DisplayName(
            "what a completed future acknowledged survives a crash: answers, and a forget with the answers after it")
    void acknowledgedEventsSurviveACrash() {
        AnswerEvent kept = record(Answers.right(8, "sql", 5, T0));
        record(Answers.right(7, "sql", 10, T0));
        store().forget(GUILD, 7).join();
        AnswerEvent afresh = record(Answers.right(7, "sql", 3, T0.plusSeconds(1)));

        ScoreStore restarted = crashAndRestart();

        assertThat(restarted.history(GUILD, 8)).containsExactly(kept);
        assertThat(restarted.history(GUILD, 7)).containsExactly(afresh);
        assertThat(restarted.memberStats(GUILD, 7).orElseThrow().points()).isEqualTo(3);
    }

    @Test
    @DisplayName(
            "ids grow in the order answers are acknowledged, history is oldest first, and a restart never reuses an id")
    void idsGrowAndAreNeverReused() {
        long first = record(Answers.right(7, "sql", 1, T0)).id();
        long second = record(Answers.right(7, "sql", 2, T0.minusSeconds(60))).id();

        long afterRestart =
                restart().record(Answers.right(8, "sql", 3, T0)).join().id();

        assertThat(second).isGreaterThan(first);
        assertThat(afterRestart).isGreaterThan(second);
        assertThat(store().history(GUILD, 7)).extracting(AnswerEvent::points).containsExactly(1, 2);
    }

    @Test
    @DisplayName("forget erases the member from queries at once and leaves the others")
    void forgetErasesAtOnce() {
        record(Answers.right(7, "sql", 10, T0));
        record(Answers.right(8, "sql", 10, T0));

        Forgotten forgotten = store().forget(GUILD, 7).join();

        assertThat(forgotten.hadData()).isTrue();
        assertThat(store().memberStats(GUILD, 7)).isEmpty();
        assertThat(store().history(GUILD, 7)).isEmpty();
        assertThat(store().memberStats(GUILD, 8)).isPresent();
        assertThat(store().leaderboard(GUILD, LeaderboardPeriod.ALL_TIME, Optional.empty(), 7, ZoneOffset.UTC)
                        .top())
                .extracting(LeaderboardEntry::userId)
                .containsExactly(8L);
    }

    @Test
    @DisplayName("forgetting a member the store never saw says so")
    void forgetWithoutData() {
        assertThat(store().forget(GUILD, 99).join().hadData()).isFalse();
    }

    @Test
    @DisplayName("a forgotten member stays forgotten after a restart, and later answers count afresh")
    void forgetSurvivesARestart() {
        record(Answers.right(7, "sql", 10, T0));
        store().forget(GUILD, 7).join();
        record(Answers.right(7, "sql", 3, T0.plusSeconds(1)));

        restart();

        assertThat(store().memberStats(GUILD, 7).orElseThrow().points()).isEqualTo(3);
        assertThat(store().history(GUILD, 7)).extracting(AnswerEvent::points).containsExactly(3);
    }

    @Test
    @DisplayName(
            "concurrent writers: every answer is acknowledged once with its own id and counted, also after a restart")
    void concurrentWriters() throws Exception {
        int threads = 16;
        int perThread = 50;
        Set<Long> ids = ConcurrentHashMap.newKeySet();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> writers = new ArrayList<>();
        ScoreStore shared = store();
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
                    mine.add(shared.record(Answers.right(user, "sql", 1, T0.plusMillis(i))));
                }
                mine.forEach(f -> ids.add(f.join().id()));
            });
            w.start();
            writers.add(w);
        }
        start.countDown();
        for (Thread w : writers) {
            w.join();
        }

        assertThat(ids).hasSize(threads * perThread);
        assertThat(store().leaderboard(GUILD, LeaderboardPeriod.ALL_TIME, Optional.empty(), 0, ZoneOffset.UTC)
                        .ranked())
                .isEqualTo(threads);
        ScoreStore reopened = restart();
        assertThat(LongStream.range(0, threads)
                        .map(u -> reopened.memberStats(GUILD, u).orElseThrow().answered())
                        .sum())
                .isEqualTo((long) threads * perThread);
    }

    @Test
    @DisplayName("ties rank who reached the total first, then the lower user id; the requester sees their own place")
    void leaderboardTiesAndRequesterPlace() {
        time.advance(java.time.Duration.ofHours(1));
        for (long u = 20; u >= 10; u--) {
            record(Answers.right(u, "sql", 30, T0));
        }
        record(Answers.right(30, "sql", 30, T0.minusSeconds(3600)));
        record(Answers.right(31, "sql", 1, T0));

        Leaderboard all =
                restart().leaderboard(GUILD, LeaderboardPeriod.ALL_TIME, Optional.empty(), 31, ZoneOffset.UTC);

        assertThat(all.top())
                .extracting(LeaderboardEntry::userId)
                .containsExactly(30L, 10L, 11L, 12L, 13L, 14L, 15L, 16L, 17L, 18L);
        assertThat(all.ranked()).isEqualTo(13);
        assertThat(all.requester()).contains(new LeaderboardEntry(13, 31, 1));
    }

    @Test
    @DisplayName("today's board after a restart holds what was scored today in the asked zone")
    void periodBoardsAfterARestart() {
        record(Answers.right(1, 10, "2026-03-10T01:00:00Z"));
        record(Answers.right(2, 20, "2026-03-09T23:30:00Z"));

        Leaderboard today =
                restart().leaderboard(GUILD, LeaderboardPeriod.TODAY, Optional.empty(), 0, ZoneId.of("UTC"));

        assertThat(today.top()).containsExactly(new LeaderboardEntry(1, 1, 10));
    }

    @Test
    @DisplayName("a streak runs on across a restart; answers on the same day count once")
    void streakRunsOnAcrossARestart() {
        record(Answers.right(1, 5, "2026-03-09T08:00:00Z"));
        record(Answers.right(1, 5, "2026-03-09T09:00:00Z"));

        restart().record(Answers.right(1, 5, "2026-03-10T08:00:00Z")).join();

        assertThat(store().memberStats(GUILD, 1).orElseThrow().currentStreak()).isEqualTo(2);
        assertThat(store().memberStats(GUILD, 1).orElseThrow().lastActive())
                .isEqualTo(Instant.parse("2026-03-10T08:00:00Z"));
    }

    @Test
    @DisplayName(
            "a streak's days are the guild's days when the answers were recorded: a later zone change does not move them")
    void streakDaysStayPutWhenTheZoneChanges() {
        // GIVEN a guild in Tokyo, where 16:00Z on 8 March and 14:00Z on 9 March are both 9 March
        zones = guild -> ZoneId.of("Asia/Tokyo");
        record(Answers.right(7, 10, "2026-03-08T16:00:00Z"));
        record(Answers.right(7, 10, "2026-03-09T14:00:00Z"));

        // WHEN the guild moves to UTC, where they are two days, and the store restarts
        zones = GuildZones.utc();
        MemberStats stats = restart().memberStats(GUILD, 7).orElseThrow();

        // THEN the answers still count for one day
        assertThat(stats.currentStreak()).isEqualTo(1);
        assertThat(stats.bestStreak()).isEqualTo(1);
    }

    @Test
    @DisplayName("a closed store refuses answers with a failed future; closing twice is harmless")
    void aClosedStoreRefuses() {
        ScoreStore closed = store();
        closed.close();
        closed.close();

        assertThatThrownBy(() -> closed.record(Answers.right(1, 1, "2026-01-01T00:00:00Z"))
                        .join())
                .isInstanceOf(CompletionException.class)
                .hasMessageContaining("closed");
    }

    @Test
    @DisplayName("guildsOf: where the store holds the member, ascending; a forgotten guild leaves the list")
    void guildsOfAMember() {
        ScoreStore store = store();
        Answer here = Answers.right(7, 10, "2026-03-10T12:00:00Z");
        store.record(here).join();
        store.record(new Answer(
                        3000,
                        7,
                        here.questionId(),
                        here.step(),
                        here.difficulty(),
                        here.type(),
                        true,
                        here.selfGrade(),
                        10,
                        here.at()))
                .join();
        store.record(Answers.right(8, 10, "2026-03-10T12:00:00Z")).join();

        assertThat(store.guildsOf(7)).contains(GUILD, 3000L).isSorted();
        store.forget(3000, 7).join();
        assertThat(store.guildsOf(7)).contains(GUILD).doesNotContain(3000L);
        assertThat(store.guildsOf(99)).isEmpty();
    }
}
