package dev.drillbit.daily;

import static dev.drillbit.daily.DailyFixtures.ADMIN;
import static dev.drillbit.daily.DailyFixtures.CHANNEL;
import static dev.drillbit.daily.DailyFixtures.GUILD;
import static dev.drillbit.daily.DailyFixtures.OTHER_CHANNEL;
import static dev.drillbit.daily.DailyFixtures.OTHER_GUILD;
import static dev.drillbit.daily.DailyFixtures.input;
import static dev.drillbit.daily.DailyFixtures.only;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drillbit.bank.Question;
import dev.drillbit.bank.QuestionBank;
import dev.drillbit.quiz.Response;
import dev.drillbit.testsupport.ManualTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The scheduler over restarts: catch-up after downtime, a restart in the middle of a window, several
 * schedules, failures, answers and results. Berlin 09:00 on Monday 2026-01-05 is 08:00Z; with the
 * default 12-hour window the run closes at 20:00Z.
 */
class DailySchedulerTest {
    private static final Instant SET_AT = Instant.parse("2026-01-04T12:00:00Z");
    private static final Instant START = Instant.parse("2026-01-05T08:00:00Z");
    private static final Instant CLOSE = Instant.parse("2026-01-05T20:00:00Z");
    private static final String RUN = GUILD + "-" + CHANNEL + "-2026-01-05";
    private static final Response TRUE = new Response.Truth(true);
    private static final Response FALSE = new Response.Truth(false);

    private final QuestionBank bank = DailyFixtures.bank();
    private final ManualTime clock = new ManualTime(SET_AT);

    /** The scheduler's data, in memory: these tests are about its policy, not files. */
    private final InMemoryDailyRepository.Data data = new InMemoryDailyRepository.Data();

    /** GIVEN a Berlin 09:00 schedule set the day before, and the bot then stopped. */
    private void berlinScheduleSet() {
        try (DailyScheduler scheduler = open()) {
            scheduler.set(DailyFixtures.schedule(bank, input("09:00", "Europe/Berlin"), SET_AT));
        }
    }

    private DailyScheduler open() {
        return DailyFixtures.open(data, bank, clock);
    }

    private void at(Instant instant) {
        clock.advance(Duration.between(clock.instant(), instant));
    }

    private List<DailyAction> due(DailyScheduler scheduler) {
        return scheduler.due(clock.instant());
    }

    @Test
    @DisplayName("a run missed while the bot was down is posted once, late, keeping its original closing time")
    void catchUp() {
        berlinScheduleSet();
        at(Instant.parse("2026-01-05T11:00:00Z"));

        List<DailyAction.StartRun> first;
        try (DailyScheduler scheduler = open()) {
            first = only(due(scheduler), DailyAction.StartRun.class);
        }

        assertThat(first).singleElement().satisfies(s -> {
            assertThat(s.late()).isTrue();
            assertThat(s.run().id()).isEqualTo(RUN);
            assertThat(s.run().scheduledAt()).isEqualTo(START);
            assertThat(s.run().startedAt()).isEqualTo(clock.instant());
            assertThat(s.run().closesAt()).isEqualTo(CLOSE);
            assertThat(s.questions()).hasSize(5);
        });
    }

    @Test
    @DisplayName("never twice: restarting again and again in the window hands the run out only the first time")
    void neverTwiceAcrossRestarts() {
        berlinScheduleSet();
        List<DailyAction.StartRun> starts = new ArrayList<>();
        for (String when : List.of(
                "2026-01-05T08:30:00Z", "2026-01-05T08:30:01Z", "2026-01-05T12:00:00Z", "2026-01-05T19:59:59Z")) {
            at(Instant.parse(when));
            try (DailyScheduler scheduler = open()) {
                starts.addAll(only(due(scheduler), DailyAction.StartRun.class));
                starts.addAll(only(due(scheduler), DailyAction.StartRun.class));
            }
        }

        assertThat(starts).singleElement().satisfies(s -> assertThat(s.late()).isTrue());
    }

    @Test
    @DisplayName("a start handed out but never acknowledged (crash before posting) is not handed out again")
    void atMostOnceStart() {
        berlinScheduleSet();
        at(START);
        try (DailyScheduler scheduler = open()) {
            assertThat(only(due(scheduler), DailyAction.StartRun.class)).hasSize(1);
            // the bot dies here, before the adapter posts and calls started()
        }

        at(START.plusSeconds(5));
        try (DailyScheduler scheduler = open()) {
            assertThat(only(due(scheduler), DailyAction.StartRun.class)).isEmpty();
            assertThat(scheduler.run(RUN))
                    .hasValueSatisfying(r -> assertThat(r.status()).isEqualTo(RunStatus.STARTING));
            assertThat(scheduler.openRuns()).extracting(DailyRun::id).containsExactly(RUN);
        }
    }

    @Test
    @DisplayName("a run whose window closed while the bot was down is skipped; the next day runs on time")
    void windowClosedWhileDown() {
        berlinScheduleSet();
        at(CLOSE);
        try (DailyScheduler scheduler = open()) {
            assertThat(due(scheduler)).isEmpty();

            at(Instant.parse("2026-01-06T08:00:00Z"));
            assertThat(only(due(scheduler), DailyAction.StartRun.class))
                    .singleElement()
                    .satisfies(s -> assertThat(s.late()).isFalse());
            assertThat(scheduler.run(RUN)).isEmpty();
        }
    }

    @Test
    @DisplayName("a schedule set after today's time does not start today's run late")
    void noCatchUpBeforeTheScheduleExisted() {
        at(Instant.parse("2026-01-05T10:00:00Z"));
        try (DailyScheduler scheduler = open()) {
            scheduler.set(DailyFixtures.schedule(bank, input("09:00", "Europe/Berlin"), clock.instant()));

            assertThat(due(scheduler)).isEmpty();
        }
    }

    /**
     * GIVEN the Berlin run started at 09:00 and answered by members 501 and 502 (all five questions), then the
     * bot stopped, and the clock at 14:00Z, mid-window. Returns the run's question ids.
     */
    private List<String> runAnsweredThenRestartedMidWindow() {
        berlinScheduleSet();
        at(START);
        List<String> questionIds;
        try (DailyScheduler scheduler = open()) {
            DailyAction.StartRun start =
                    only(due(scheduler), DailyAction.StartRun.class).get(0);
            scheduler.started(RUN);
            questionIds = start.run().questionIds();
            at(START.plus(Duration.ofHours(1)));
            answerAll(scheduler, RUN, 5, 501, 502);
        }
        at(Instant.parse("2026-01-05T14:00:00Z"));
        return questionIds;
    }

    @Test
    @DisplayName("restart in the middle of a window: the run is open with its questions and answers, nothing is due")
    void restartMidWindowKeepsTheRun() {
        List<String> questionIds = runAnsweredThenRestartedMidWindow();

        // WHEN the bot opens the scheduler again
        try (DailyScheduler scheduler = open()) {
            // THEN the adapter finds the run, its questions and the answers so far
            assertThat(scheduler.openRuns()).singleElement().satisfies(r -> {
                assertThat(r.questionIds()).isEqualTo(questionIds);
                assertThat(r.status()).isEqualTo(RunStatus.POSTED);
                assertThat(r.answers()).hasSize(10);
            });
            assertThat(due(scheduler)).isEmpty();
        }
    }

    @Test
    @DisplayName("restart in the middle of a window: the run still takes answers, once per member and question")
    void restartMidWindowStillTakesAnswers() {
        runAnsweredThenRestartedMidWindow();

        try (DailyScheduler scheduler = open()) {
            // WHEN a new member answers, and a member who answered before answers again
            RunAnswerOutcome newMember = scheduler.answer(RUN, 503, 0, TRUE);
            RunAnswerOutcome again = scheduler.answer(RUN, 501, 0, FALSE);
            RunAnswerOutcome wrong = scheduler.answer(RUN, 503, 1, FALSE);

            // THEN the new member's answers count, the repeat does not
            assertThat(newMember).isInstanceOf(RunAnswerOutcome.Accepted.class);
            assertThat(again).isInstanceOf(RunAnswerOutcome.AlreadyAnswered.class);
            assertThat(wrong)
                    .isInstanceOfSatisfying(
                            RunAnswerOutcome.Accepted.class,
                            a -> assertThat(a.points()).isZero());
        }
    }

    @Test
    @DisplayName("restart in the middle of a window: the run closes at its original time and then refuses answers")
    void restartMidWindowClosesOnTime() {
        runAnsweredThenRestartedMidWindow();

        try (DailyScheduler scheduler = open()) {
            // WHEN the clock reaches the closing time
            at(CLOSE.minusMillis(1));
            assertThat(due(scheduler)).isEmpty();
            at(CLOSE);

            // THEN answers are refused and the run is closed once
            assertThat(scheduler.answer(RUN, 504, 0, TRUE)).isInstanceOf(RunAnswerOutcome.Closed.class);
            assertThat(only(due(scheduler), DailyAction.CloseRun.class)).hasSize(1);
        }
    }

    @Test
    @DisplayName("restart in the middle of a window: the results count answers from before and after the restart")
    void restartMidWindowResultsCountBothSides() {
        runAnsweredThenRestartedMidWindow();

        try (DailyScheduler scheduler = open()) {
            // GIVEN member 503 answers after the restart: question 1 right, question 2 wrong
            scheduler.answer(RUN, 503, 0, TRUE);
            scheduler.answer(RUN, 503, 1, FALSE);

            // WHEN the run closes
            at(CLOSE);
            List<DailyAction.CloseRun> closes = only(due(scheduler), DailyAction.CloseRun.class);

            // THEN
            assertThat(closes).singleElement().satisfies(c -> {
                assertThat(c.results().members())
                        .extracting(RunResults.MemberResult::userId)
                        .containsExactly(501L, 502L, 503L);
                assertThat(c.results().members().get(0).points()).isEqualTo(50);
                assertThat(c.results().members().get(2).points()).isEqualTo(10);
                assertThat(c.results().questions().get(0).answered()).isEqualTo(3);
                assertThat(c.results().questions().get(1).correct()).isEqualTo(2);
            });
        }
    }

    @Test
    @DisplayName("results are at least once: handed out again after a restart until acknowledged, then never")
    void resultsAtLeastOnce() {
        berlinScheduleSet();
        at(START);
        try (DailyScheduler scheduler = open()) {
            due(scheduler);
            scheduler.started(RUN);
            at(CLOSE);
            assertThat(only(due(scheduler), DailyAction.CloseRun.class)).hasSize(1);
            assertThat(due(scheduler)).as("once per process").isEmpty();
            // the bot dies before closed() is called
        }
        at(CLOSE.plusSeconds(30));
        try (DailyScheduler scheduler = open()) {
            assertThat(only(due(scheduler), DailyAction.CloseRun.class))
                    .singleElement()
                    .satisfies(c -> assertThat(c.run().id()).isEqualTo(RUN));
            assertThat(scheduler.closed(RUN)).isTrue();
        }
        try (DailyScheduler scheduler = open()) {
            assertThat(due(scheduler)).isEmpty();
            assertThat(scheduler.run(RUN))
                    .hasValueSatisfying(r -> assertThat(r.status()).isEqualTo(RunStatus.CLOSED));
        }
    }

    @Test
    @DisplayName("an acknowledgement that arrives after the scheduler closed is not recorded: the next start redoes it")
    void acknowledgementAfterCloseIsLeftForTheNextStart() {
        // GIVEN a run closing when the scheduler is closed (the bot stopping with the results on the wire)
        berlinScheduleSet();
        at(START);
        DailyScheduler stopped = open();
        due(stopped);
        stopped.started(RUN);
        at(CLOSE);
        only(due(stopped), DailyAction.CloseRun.class);
        stopped.close();

        // WHEN the results' acknowledgement arrives afterwards
        boolean recorded = stopped.closed(RUN);

        // THEN it is not recorded, and the next start hands the close out again
        assertThat(recorded).isFalse();
        try (DailyScheduler next = open()) {
            assertThat(only(due(next), DailyAction.CloseRun.class)).hasSize(1);
        }
    }

    @Test
    @DisplayName("forty groups starting at the same minute: every run starts, and the rotation is written once")
    void manyStartsAtOneMinuteWriteTheRotationOnce() {
        // GIVEN forty guilds with a Berlin 09:00 schedule each
        try (DailyScheduler scheduler = open()) {
            for (long guild = 1; guild <= 40; guild++) {
                scheduler.set(DailyFixtures.schedule(
                        bank, ScheduleInput.of(guild, CHANNEL, ADMIN, "09:00", "Europe/Berlin"), SET_AT));
            }
        }
        at(START);
        try (DailyScheduler scheduler = open()) {
            int before = data.stateWrites();

            // WHEN the minute comes
            List<DailyAction.StartRun> starts = only(due(scheduler), DailyAction.StartRun.class);

            // THEN all forty start, each with its guild's rotation recorded, in one write of the state
            assertThat(starts).hasSize(40);
            assertThat(data.stateWrites() - before).isEqualTo(1);
        }
        try (DailyScheduler reopened = open()) {
            assertThat(reopened.openRuns()).hasSize(40);
        }
    }

    @Test
    @DisplayName("two schedules in one guild run independently, each in its own channel and zone")
    void twoSchedulesInOneGuild() {
        try (DailyScheduler scheduler = open()) {
            scheduler.set(
                    DailyFixtures.schedule(bank, input("09:00", "Europe/Berlin").withSteps("sql"), SET_AT));
            scheduler.set(DailyFixtures.schedule(
                    bank,
                    ScheduleInput.of(GUILD, OTHER_CHANNEL, ADMIN, "18:00", "Asia/Kolkata")
                            .withSteps("caching")
                            .withWindowHours(2),
                    SET_AT));
            at(START);
            List<DailyAction.StartRun> morning = only(due(scheduler), DailyAction.StartRun.class);
            at(Instant.parse("2026-01-05T12:30:00Z"));
            List<DailyAction.StartRun> evening = only(due(scheduler), DailyAction.StartRun.class);
            at(Instant.parse("2026-01-05T14:30:00Z"));
            List<DailyAction.CloseRun> eveningClosed = only(due(scheduler), DailyAction.CloseRun.class);

            assertThat(morning).singleElement().satisfies(s -> {
                assertThat(s.run().channelId()).isEqualTo(CHANNEL);
                assertThat(s.questions()).extracting(Question::step).containsOnly("sql");
            });
            assertThat(evening).singleElement().satisfies(s -> {
                assertThat(s.run().id()).isEqualTo(GUILD + "-" + OTHER_CHANNEL + "-2026-01-05");
                assertThat(s.questions()).extracting(Question::step).containsOnly("caching");
            });
            assertThat(eveningClosed).extracting(c -> c.run().channelId()).containsExactly(OTHER_CHANNEL);
            assertThat(scheduler.schedules(GUILD)).hasSize(2);
        }
    }

    @Test
    @DisplayName(
            "a channel the bot lost: the failure is recorded with its reason and every other schedule keeps running")
    void failingChannel() {
        try (DailyScheduler scheduler = open()) {
            scheduler.set(DailyFixtures.schedule(bank, input("09:00", "Europe/Berlin"), SET_AT));
            scheduler.set(DailyFixtures.schedule(
                    bank, ScheduleInput.of(OTHER_GUILD, CHANNEL, ADMIN, "09:00", "Europe/Berlin"), SET_AT));
            at(START);
            List<DailyAction.StartRun> starts = only(due(scheduler), DailyAction.StartRun.class);
            assertThat(starts).hasSize(2);

            // WHEN the adapter cannot post the first guild's run
            assertThat(scheduler.failed(RUN, "Missing Access (50001)")).isTrue();
            assertThat(scheduler.started(OTHER_GUILD + "-" + CHANNEL + "-2026-01-05"))
                    .isTrue();

            // THEN the failed run takes no answers and never closes; the other one goes on
            assertThat(scheduler.answer(RUN, 501, 0, TRUE)).isInstanceOf(RunAnswerOutcome.Closed.class);
            at(CLOSE);
            assertThat(only(due(scheduler), DailyAction.CloseRun.class))
                    .extracting(c -> c.run().guildId())
                    .containsExactly(OTHER_GUILD);
            // and the failed guild runs again the next day
            at(Instant.parse("2026-01-06T08:00:00Z"));
            assertThat(only(due(scheduler), DailyAction.StartRun.class))
                    .extracting(s -> s.run().guildId())
                    .containsExactlyInAnyOrder(GUILD, OTHER_GUILD);
        }
        try (DailyScheduler scheduler = open()) {
            assertThat(scheduler.run(RUN)).hasValueSatisfying(r -> {
                assertThat(r.status()).isEqualTo(RunStatus.FAILED);
                assertThat(r.failure()).contains("Missing Access (50001)");
            });
        }
    }

    @Test
    @DisplayName("a schedule that breaks inside the scheduler (its steps left the bank) does not stop the others")
    void brokenScheduleIsolated() {
        try (DailyScheduler scheduler = open()) {
            scheduler.set(
                    DailyFixtures.schedule(bank, input("09:00", "Europe/Berlin").withSteps("apis"), SET_AT));
            scheduler.set(DailyFixtures.schedule(
                    bank, ScheduleInput.of(OTHER_GUILD, CHANNEL, ADMIN, "09:00", "Europe/Berlin"), SET_AT));
        }
        QuestionBank smaller = DailyFixtures.bank(Map.of("sql", 12));
        at(START);
        try (DailyScheduler scheduler = DailyFixtures.open(data, smaller, clock)) {
            List<DailyAction> actions = due(scheduler);

            assertThat(only(actions, DailyAction.StartRun.class))
                    .extracting(s -> s.run().guildId())
                    .containsExactly(OTHER_GUILD);
            assertThat(scheduler.run(RUN))
                    .hasValueSatisfying(r -> assertThat(r.status()).isEqualTo(RunStatus.FAILED));
            assertThat(due(scheduler)).as("not retried every second").isEmpty();
        }
    }

    @Test
    @DisplayName("answers: stale buttons and unknown runs are told apart from closed ones")
    void answerOutcomes() {
        berlinScheduleSet();
        at(START);
        try (DailyScheduler scheduler = open()) {
            due(scheduler);

            assertThat(scheduler.answer("nope", 501, 0, TRUE)).isInstanceOf(RunAnswerOutcome.NoSuchRun.class);
            assertThat(scheduler.answer(RUN, 501, 9, TRUE)).isInstanceOf(RunAnswerOutcome.NotAQuestion.class);
            assertThat(scheduler.answer(RUN, 501, 0, new Response.Choice(1)))
                    .isInstanceOf(RunAnswerOutcome.NotAQuestion.class);
            assertThat(scheduler.answer(RUN, 501, 0, TRUE))
                    .isInstanceOfSatisfying(RunAnswerOutcome.Accepted.class, a -> {
                        assertThat(a.points()).isEqualTo(10);
                        assertThat(a.answer().guildId()).isEqualTo(GUILD);
                        assertThat(a.answer().userId()).isEqualTo(501);
                        assertThat(a.answer().correct()).isTrue();
                        assertThat(a.answer().at()).isEqualTo(START);
                    });
        }
    }

    @Test
    @DisplayName("rotation: the guild sees the whole pool before any question repeats, across restarts")
    void rotationAcrossRestarts() {
        QuestionBank twelve = DailyFixtures.bank(Map.of("sql", 12));
        try (DailyScheduler scheduler = DailyFixtures.open(data, twelve, clock)) {
            scheduler.set(DailyFixtures.schedule(twelve, input("09:00", "Europe/Berlin"), SET_AT));
        }
        List<List<String>> days = new ArrayList<>();
        for (int day = 0; day < 5; day++) {
            at(START.plus(Duration.ofDays(day)));
            try (DailyScheduler scheduler = DailyFixtures.open(data, twelve, clock)) {
                days.add(only(due(scheduler), DailyAction.StartRun.class)
                        .get(0)
                        .run()
                        .questionIds());
            }
        }

        List<String> asked = days.stream().flatMap(List::stream).toList();
        // days 1-2 and the first two of day 3 are the first cycle: all twelve, no repeat
        assertThat(asked.subList(0, 12)).doesNotHaveDuplicates().hasSize(12);
        // day 3 finishes the cycle and starts the next; no day repeats a question within itself
        days.forEach(d -> assertThat(d).doesNotHaveDuplicates().hasSize(5));
        // the second cycle (from day 3's third question) again covers the pool before repeating
        assertThat(asked.subList(10, 22)).doesNotHaveDuplicates();
    }

    @Test
    @DisplayName("group streak: scheduled days with enough members count; days off neither count nor break it")
    void groupStreak() {
        // mon-fri, a day counts with 2 members; Fri 2026-01-09 .. Tue 2026-01-13 around a weekend
        try (DailyScheduler scheduler = open()) {
            scheduler.set(DailyFixtures.schedule(
                    bank, input("09:00", "Europe/Berlin").withDays("mon-fri").withGroupMinimum(2), SET_AT));
            ScheduleId id = new ScheduleId(GUILD, CHANNEL);

            runDay(scheduler, "2026-01-08", 501, 502); // Thu: counts
            runDay(scheduler, "2026-01-09", 501, 502, 503); // Fri: counts
            assertThat(scheduler.groupStreak(id).current()).isEqualTo(2);

            at(Instant.parse("2026-01-11T21:00:00Z")); // Sunday evening: the weekend broke nothing
            assertThat(scheduler.groupStreak(id).current()).isEqualTo(2);

            runDay(scheduler, "2026-01-12", 501, 502); // Mon: counts
            assertThat(scheduler.groupStreak(id)).satisfies(s -> {
                assertThat(s.current()).isEqualTo(3);
                assertThat(s.best()).isEqualTo(3);
                assertThat(s.lastCounted()).contains(LocalDate.parse("2026-01-12"));
            });

            runDay(scheduler, "2026-01-13", 501); // Tue: one member is not enough
            assertThat(scheduler.groupStreak(id).current()).isZero();
            assertThat(scheduler.groupStreak(id).best()).isEqualTo(3);

            runDay(scheduler, "2026-01-14", 501, 502); // Wed: starts again
            assertThat(scheduler.groupStreak(id).current()).isEqualTo(1);
        }
        try (DailyScheduler scheduler = open()) {
            assertThat(scheduler.groupStreak(new ScheduleId(GUILD, CHANNEL)))
                    .isEqualTo(new GroupStreak(1, 3, java.util.Optional.of(LocalDate.parse("2026-01-14"))));
        }
    }

    @Test
    @DisplayName("a group streak survives a restart between a day's close and the next day")
    void groupStreakWhileStillOpen() {
        try (DailyScheduler scheduler = open()) {
            scheduler.set(
                    DailyFixtures.schedule(bank, input("09:00", "Europe/Berlin").withGroupMinimum(1), SET_AT));
            runDay(scheduler, "2026-01-05", 501);
            at(Instant.parse("2026-01-06T10:00:00Z")); // next day's run is open, not closed: streak holds
            due(scheduler);
            assertThat(scheduler.groupStreak(new ScheduleId(GUILD, CHANNEL)).current())
                    .isEqualTo(1);
        }
    }

    /** Starts the Berlin 09:00 run of {@code date}, has {@code members} answer it all, closes it. */
    private void runDay(DailyScheduler scheduler, String date, long... members) {
        Instant start = LocalTimes.instantOf(
                LocalDate.parse(date), java.time.LocalTime.of(9, 0), java.time.ZoneId.of("Europe/Berlin"));
        at(start);
        DailyAction.StartRun run =
                only(due(scheduler), DailyAction.StartRun.class).get(0);
        scheduler.started(run.run().id());
        at(start.plus(Duration.ofHours(1)));
        answerAll(scheduler, run.run().id(), run.questions().size(), members);
        at(run.run().closesAt());
        only(due(scheduler), DailyAction.CloseRun.class)
                .forEach(c -> scheduler.closed(c.run().id()));
    }

    private static void answerAll(DailyScheduler scheduler, String runId, int questions, long... members) {
        Set<Long> seen = new HashSet<>();
        for (long member : members) {
            assertThat(seen.add(member)).isTrue();
            for (int i = 0; i < questions; i++) {
                assertThat(scheduler.answer(runId, member, i, TRUE)).isInstanceOf(RunAnswerOutcome.Accepted.class);
            }
        }
    }

    @Test
    @DisplayName("starting today's run by hand: once a day, and the scheduled start then finds it and does nothing")
    void startNowKeepsTheNeverTwiceRule() {
        berlinScheduleSet();
        Instant early = Instant.parse("2026-01-05T06:30:00Z"); // 07:30 in Berlin, before the 09:00 start
        at(early);
        try (DailyScheduler scheduler = open()) {
            ScheduleId id = new ScheduleId(GUILD, CHANNEL);

            DailyScheduler.StartNow first = scheduler.startNow(id, clock.instant());
            DailyScheduler.StartNow second = scheduler.startNow(id, clock.instant());
            at(START);
            List<DailyAction> atNine = due(scheduler);

            assertThat(first).isInstanceOfSatisfying(DailyScheduler.StartNow.Started.class, s -> {
                assertThat(s.action().run().id()).isEqualTo(RUN);
                assertThat(s.action().late()).isFalse();
                assertThat(s.action().run().closesAt()).isEqualTo(early.plus(Duration.ofHours(12)));
            });
            assertThat(second)
                    .isInstanceOfSatisfying(
                            DailyScheduler.StartNow.AlreadyRan.class,
                            a -> assertThat(a.run().id()).isEqualTo(RUN));
            assertThat(only(atNine, DailyAction.StartRun.class)).isEmpty();
            assertThat(scheduler.startNow(new ScheduleId(GUILD, OTHER_CHANNEL), clock.instant()))
                    .isInstanceOf(DailyScheduler.StartNow.NoSchedule.class);
        }
    }
}
