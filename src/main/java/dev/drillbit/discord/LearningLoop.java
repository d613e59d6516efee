package dev.drillbit.discord;

import dev.drillbit.interview.MockInterviews;
import dev.drillbit.learning.ReminderClaims;
import dev.drillbit.learning.Reviews;
import java.util.Objects;

/**
 * The learning loop's services, as the wiring hands them to the front end: the review loop, the log of
 * reminders sent today, mock interviews, and whether this process sends the review reminders now (it holds
 * their lease when several processes share the store). Immutable.
 */
public record LearningLoop(
        Reviews reviews,
        ReminderClaims reminders,
        MockInterviews interviews,
        java.util.function.BooleanSupplier remindHere) {
    public LearningLoop {
        Objects.requireNonNull(reviews, "reviews");
        Objects.requireNonNull(reminders, "reminders");
        Objects.requireNonNull(interviews, "interviews");
        Objects.requireNonNull(remindHere, "remindHere");
    }

    /** Reminders sent by this process, the only one. */
    public LearningLoop(Reviews reviews, ReminderClaims reminders, MockInterviews interviews) {
        this(reviews, reminders, interviews, () -> true);
    }
}
