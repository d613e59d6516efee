package dev.drillbit.daily;

import static dev.drillbit.daily.DailyFixtures.GUILD;
import static dev.drillbit.daily.DailyFixtures.OTHER_GUILD;
import static dev.drillbit.daily.DailyFixtures.input;
import static dev.drillbit.daily.DailyFixtures.only;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drillbit.bank.QuestionBank;
import dev.drillbit.bank.RoadmapStep;
import dev.drillbit.quiz.Response;
import dev.drillbit.testsupport.ManualTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The weekly report on the schedule's report day, at the schedule's time. Asia/Kolkata 09:00 is 03:30Z;
 * the report on Monday 2026-01-12 covers Monday 2026-01-05 to Sunday 2026-01-11, local.
 */
class WeeklyReportTest {
    private static final Instant SET_AT = Instant.parse("2026-01-04T00:00:00Z");
    private static final Instant REPORT_AT = Instant.parse("2026-01-12T03:30:00Z");

    private final QuestionBank bank = DailyFixtures.bank();
    private final ManualTime clock = new ManualTime(SET_AT);
    private final InMemoryGroupActivity activity = new InMemoryGroupActivity();

    /** The scheduler's data, in memory: these tests are about its policy, not files. */
    private final InMemoryDailyRepository.Data data = new InMemoryDailyRepository.Data();

    private void at(Instant instant) {
        clock.advance(Duration.between(clock.instant(), instant));
    }

    /** GIVEN a week of runs (answered by two members on two days) and the guild's answers in the activity source. */
    private DailyScheduler weekOfRuns() {
        DailyScheduler scheduler = DailyFixtures.open(data, bank, clock, activity);
        scheduler.set(DailyFixtures.schedule(
                bank,
                input("09:00", "Asia/Kolkata").withSteps("sql,caching,apis").withGroupMinimum(1),
                SET_AT));
        for (int day = 0; day < 7; day++) {
            at(Instant.parse("2026-01-05T03:30:00Z").plus(Duration.ofDays(day)));
            for (DailyAction action : scheduler.due(clock.instant())) {
                if (action instanceof DailyAction.StartRun start) {
                    scheduler.started(start.run().id());
                    if (day < 2) {
                        scheduler.answer(start.run().id(), 501, 0, new Response.Truth(true));
                        scheduler.answer(start.run().id(), 502, 0, new Response.Truth(true));
                    }
                } else if (action instanceof DailyAction.CloseRun close) {
                    scheduler.closed(close.run().id());
                }
            }
        }
        Instant inWeek = Instant.parse("2026-01-07T10:00:00Z");
        activity.add(GUILD, 501, "sql", true, 30, inWeek)
                .add(GUILD, 502, "sql", true, 50, inWeek)
                .add(GUILD, 502, "caching", false, 0, inWeek)
                .add(GUILD, 503, "caching", true, 10, inWeek)
                .add(GUILD, 503, "caching", false, 0, inWeek)
                .add(GUILD, 504, "apis", true, 20, inWeek)
                .add(GUILD, 505, "internet", false, 0, inWeek) // not one of the schedule's steps
                .add(GUILD, 506, "sql", false, 99, Instant.parse("2026-01-04T18:29:59Z")) // Sunday before, local
                .add(OTHER_GUILD, 507, "sql", true, 99, inWeek);
        return scheduler;
    }

    @Test
    @DisplayName("on the report day: participation per run, top members, weakest steps and what to study next")
    void report() {
        try (DailyScheduler scheduler = weekOfRuns()) {
            at(REPORT_AT.minusSeconds(1));
            assertThat(only(scheduler.due(clock.instant()), DailyAction.PostReport.class))
                    .isEmpty();

            at(REPORT_AT);
            List<DailyAction.PostReport> reports = only(scheduler.due(clock.instant()), DailyAction.PostReport.class);

            assertThat(reports).singleElement().satisfies(p -> {
                WeeklyReport r = p.report();
                assertThat(r.from()).isEqualTo(LocalDate.parse("2026-01-05"));
                assertThat(r.to()).isEqualTo(LocalDate.parse("2026-01-12"));
                assertThat(r.participation())
                        .extracting(WeeklyReport.RunParticipation::members)
                        .containsExactly(2L, 2L, 0L, 0L, 0L, 0L, 0L);
                assertThat(r.top())
                        .containsExactly(
                                new GroupActivity.MemberPoints(502, 50),
                                new GroupActivity.MemberPoints(501, 30),
                                new GroupActivity.MemberPoints(504, 20),
                                new GroupActivity.MemberPoints(503, 10));
                assertThat(r.weakest())
                        .extracting(GroupActivity.StepTally::step)
                        .containsExactly("caching", "sql", "apis");
                assertThat(r.weakest().get(0)).isEqualTo(new GroupActivity.StepTally("caching", 3, 1));
                assertThat(r.studyNext()).map(RoadmapStep::checkpoint).contains("Checkpoint of caching");
                assertThat(r.studyNext().orElseThrow().resources())
                        .extracting(RoadmapStep.Resource::url)
                        .containsExactly("https://example.org/caching");
                assertThat(r.streak().current()).isEqualTo(0);
                assertThat(r.streak().best()).isEqualTo(2);
            });
        }
    }

    @Test
    @DisplayName("a weekly report is handed out once, even across restarts on the report day")
    void once() {
        weekOfRuns().close();
        int reports = 0;
        for (String when : List.of("2026-01-12T03:30:00Z", "2026-01-12T03:30:01Z", "2026-01-12T20:00:00Z")) {
            at(Instant.parse(when));
            try (DailyScheduler scheduler = DailyFixtures.open(data, bank, clock, activity)) {
                reports += only(scheduler.due(clock.instant()), DailyAction.PostReport.class)
                        .size();
            }
        }
        assertThat(reports).isEqualTo(1);
    }

    @Test
    @DisplayName("without an activity source the report counts the daily runs' own answers")
    void fromRunAnswers() {
        try (DailyScheduler scheduler = weekOfRuns()) {
            GroupActivity own = scheduler.runActivity();

            List<GroupActivity.MemberPoints> points = own.pointsByMember(
                    GUILD, Instant.parse("2026-01-04T18:30:00Z"), Instant.parse("2026-01-11T18:30:00Z"));

            assertThat(points)
                    .containsExactly(new GroupActivity.MemberPoints(501, 20), new GroupActivity.MemberPoints(502, 20));
        }
    }
}
