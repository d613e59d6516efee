package dev.drillbit.daily;

import java.time.Instant;
import java.util.List;

/**
 * The numbers a weekly report needs about a guild's answers in a time window. The wiring backs it with
 * the score store (every answer in the guild) or with {@link DailyScheduler#runActivity()} (answers to
 * daily runs only); tests use {@link InMemoryGroupActivity}. Implementations must be thread-safe.
 */
public interface GroupActivity {

    /** Answers per roadmap step in {@code [from, to)}, with how many were right. Steps without answers are left out. */
    List<StepTally> answersByStep(long guildId, Instant from, Instant to);

    /** Points per member in {@code [from, to)}. Members without answers are left out. */
    List<MemberPoints> pointsByMember(long guildId, Instant from, Instant to);

    /** Answers to one step. Immutable. */
    record StepTally(String step, int answered, int correct) {
        public double accuracy() {
            return answered == 0 ? 0 : (double) correct / answered;
        }
    }

    /** One member's points. Immutable. */
    record MemberPoints(long userId, int points) {}
}
