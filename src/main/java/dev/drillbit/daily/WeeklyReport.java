package dev.drillbit.daily;

import dev.drillbit.bank.RoadmapStep;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A study group's week: who took part, who led, where the group is weakest, and what to study next.
 * Immutable.
 *
 * @param from the first local date covered
 * @param to the day after the last one covered (the report day)
 * @param participation per run of this schedule in the week, oldest first
 * @param top members with the most points in the guild that week, at most {@value #TOP}
 * @param weakest the schedule's steps with the lowest share of right answers, at most {@value #WEAKEST}
 * @param studyNext the weakest step, with its checkpoint and resources from the bank
 * @param streak the group streak as of the report
 */
public record WeeklyReport(
        ScheduleId scheduleId,
        LocalDate from,
        LocalDate to,
        List<RunParticipation> participation,
        List<GroupActivity.MemberPoints> top,
        List<GroupActivity.StepTally> weakest,
        Optional<RoadmapStep> studyNext,
        GroupStreak streak) {
    public static final int TOP = 5;
    public static final int WEAKEST = 3;

    public WeeklyReport {
        participation = List.copyOf(participation);
        top = List.copyOf(top);
        weakest = List.copyOf(weakest);
    }

    /** How many members answered one day's run. */
    public record RunParticipation(LocalDate date, String runId, long members, boolean late, RunStatus status) {}
}
