package dev.drillbit.interview;

import dev.drillbit.bank.Difficulty;
import java.util.Objects;
import java.util.Optional;

/**
 * What mock interview to run: the level ({@code junior}, {@code mid}, {@code senior}, the bank's
 * difficulties), optionally one roadmap step, and how many questions. Immutable.
 */
public record InterviewSpec(Optional<String> step, Difficulty level, int length) {
    public static final int MIN_LENGTH = 3;
    public static final int MAX_LENGTH = 10;
    public static final int DEFAULT_LENGTH = 5;

    public InterviewSpec {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(level, "level");
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            throw new IllegalArgumentException(
                    "length must be " + MIN_LENGTH + " to " + MAX_LENGTH + ", was " + length);
        }
    }
}
