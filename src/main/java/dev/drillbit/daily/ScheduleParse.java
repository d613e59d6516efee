package dev.drillbit.daily;

import java.util.List;

/** The result of reading a member's schedule input: a schedule, or every problem found. Immutable. */
public sealed interface ScheduleParse permits ScheduleParse.Valid, ScheduleParse.Invalid {

    record Valid(DailySchedule schedule) implements ScheduleParse {}

    /** At least one problem; all of them, not just the first, so the member can fix everything at once. */
    record Invalid(List<InputProblem> problems) implements ScheduleParse {
        public Invalid {
            problems = List.copyOf(problems);
            if (problems.isEmpty()) {
                throw new IllegalArgumentException("an invalid input has problems");
            }
        }
    }
}
