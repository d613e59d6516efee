package dev.drillbit.quiz;

import java.util.Optional;

/**
 * The judgement on one answer. Immutable.
 *
 * @param correct whether it counts as right (a "partly" self-grade does not)
 * @param credit share of the points earned, 0 to 1
 * @param note a remark for the member, such as the spelling an accepted typo was taken for
 */
public record Verdict(boolean correct, double credit, Optional<String> note) {
    public static final Verdict RIGHT = new Verdict(true, 1.0, Optional.empty());
    public static final Verdict WRONG = new Verdict(false, 0.0, Optional.empty());
}
