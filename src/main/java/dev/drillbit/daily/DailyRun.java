package dev.drillbit.daily;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One day's quiz of one schedule: what the adapter needs to post it, take answers after a restart, and
 * post its results. Kept durably, one file per run. Immutable; changes make a new value.
 *
 * @param id {@code <guild>-<channel>-<yyyy-mm-dd>}: one run per schedule and local date, so "has this run
 *     been started" is a lookup, never a guess
 * @param date the schedule's local date the run belongs to
 * @param questionIds the questions, in the order posted
 * @param scheduledAt when it was due ({@link DailySchedule#startOn})
 * @param startedAt when it was recorded and handed out
 * @param closesAt when it stops taking answers: {@code scheduledAt + window}, also for a late run
 * @param late whether it was handed out well after {@code scheduledAt} (the bot was down)
 * @param failure why the adapter could not post it, when {@code status} is FAILED
 * @param answers answers so far, in the order received
 */
public record DailyRun(
        String id,
        ScheduleId scheduleId,
        LocalDate date,
        List<String> questionIds,
        Instant scheduledAt,
        Instant startedAt,
        Instant closesAt,
        boolean late,
        RunStatus status,
        Optional<String> failure,
        List<RunAnswer> answers) {

    public DailyRun {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(scheduleId, "scheduleId");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(failure, "failure");
        questionIds = List.copyOf(questionIds);
        answers = List.copyOf(answers);
    }

    public static String idOf(ScheduleId schedule, LocalDate date) {
        return schedule + "-" + date;
    }

    public long guildId() {
        return scheduleId.guildId();
    }

    public long channelId() {
        return scheduleId.channelId();
    }

    /** Whether it takes an answer at {@code now}. */
    public boolean takesAnswers(Instant now) {
        return status.open() && now.isBefore(closesAt);
    }

    /** Distinct members who answered at least one question. */
    public long participants() {
        return answers.stream().mapToLong(RunAnswer::userId).distinct().count();
    }

    DailyRun withStatus(RunStatus next, Optional<String> reason) {
        return new DailyRun(
                id, scheduleId, date, questionIds, scheduledAt, startedAt, closesAt, late, next, reason, answers);
    }

    DailyRun withoutAnswersOf(long userId) {
        return new DailyRun(
                id,
                scheduleId,
                date,
                questionIds,
                scheduledAt,
                startedAt,
                closesAt,
                late,
                status,
                failure,
                answers.stream().filter(a -> a.userId() != userId).toList());
    }

    DailyRun withAnswer(RunAnswer answer) {
        List<RunAnswer> more = new java.util.ArrayList<>(answers);
        more.add(answer);
        return new DailyRun(
                id, scheduleId, date, questionIds, scheduledAt, startedAt, closesAt, late, status, failure, more);
    }
}
