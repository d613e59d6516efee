package dev.drillbit.progress.stats;

import dev.drillbit.bank.Difficulty;
import java.time.Instant;
import java.util.Map;

/**
 * A member's standing in one guild. Immutable.
 *
 * @param byStep accuracy per roadmap step id, in the order steps were first answered
 * @param currentStreak consecutive days answered, ending today or yesterday (days in the guild's zone)
 * @param bestStreak the longest such run ever
 * @param lastActive when the member last answered
 */
public record MemberStats(
        long guildId,
        long userId,
        long points,
        Accuracy overall,
        Map<String, Accuracy> byStep,
        Map<Difficulty, Accuracy> byDifficulty,
        int currentStreak,
        int bestStreak,
        Instant lastActive) {
    public MemberStats {
        byStep = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(byStep));
        byDifficulty = java.util.Collections.unmodifiableMap(new java.util.EnumMap<>(byDifficulty));
    }

    public int answered() {
        return overall.answered();
    }
}
