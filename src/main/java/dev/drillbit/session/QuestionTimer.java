package dev.drillbit.session;

import java.time.Duration;
import java.time.Instant;

/**
 * The timer of the question a session shows: when it was shown and how long it has. The deadline is the
 * last instant within the time; an answer after it is over time. Instants come from the session's
 * injected clock. Immutable.
 */
public record QuestionTimer(Instant shownAt, Duration limit) {

    /** The last instant within the time limit. */
    public Instant deadline() {
        return shownAt.plus(limit);
    }

    /** Time since the question was shown. */
    public Duration elapsed(Instant now) {
        return Duration.between(shownAt, now);
    }

    /** Whether {@code now} is after the deadline. */
    public boolean isPast(Instant now) {
        return now.isAfter(deadline());
    }

    /** Whether an answer that took {@code took} was over the limit. */
    public boolean isOverTime(Duration took) {
        return took.compareTo(limit) > 0;
    }
}
