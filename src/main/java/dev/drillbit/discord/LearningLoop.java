package dev.drillbit.discord;

import dev.drillbit.interview.MockInterviews;
import dev.drillbit.learning.ReminderClaims;
import dev.drillbit.learning.Reviews;
import java.util.Objects;

/**
 * The learning loop's services, as the wiring hands them to the front end: the review loop, the log of
 * reminders sent today, and mock interviews. Immutable.
 */
public record LearningLoop(Reviews reviews, ReminderClaims reminders, MockInterviews interviews) {
    public LearningLoop {
        Objects.requireNonNull(reviews, "reviews");
        Objects.requireNonNull(reminders, "reminders");
        Objects.requireNonNull(interviews, "interviews");
    }
}
