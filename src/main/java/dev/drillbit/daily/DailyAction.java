package dev.drillbit.daily;

import dev.drillbit.bank.Question;
import java.util.List;

/**
 * Something the scheduler has decided is due and the adapter must carry out, then acknowledge on the
 * {@link DailyScheduler} ({@code started}, {@code closed} or {@code failed}). Immutable.
 */
public sealed interface DailyAction permits DailyAction.StartRun, DailyAction.CloseRun, DailyAction.PostReport {

    /**
     * Post a run's questions in the schedule's channel (pinging its role, if any) and take answers until
     * {@code run.closesAt()}. Handed out at most once: the run is recorded before this is returned.
     *
     * @param late the bot was down when it was due; say so in the post
     */
    record StartRun(DailySchedule schedule, DailyRun run, List<Question> questions, boolean late)
            implements DailyAction {
        public StartRun {
            questions = List.copyOf(questions);
        }
    }

    /**
     * Post a run's results in {@code run.channelId()} (the schedule may have been removed since the run
     * started; its runs still close). At least once: handed out again after a restart until acknowledged,
     * so the adapter may see it twice if the bot stops between posting and acknowledging.
     */
    record CloseRun(DailyRun run, RunResults results) implements DailyAction {}

    /** Post the weekly report in the schedule's channel. At most once: recorded before it is returned. */
    record PostReport(DailySchedule schedule, WeeklyReport report) implements DailyAction {}
}
