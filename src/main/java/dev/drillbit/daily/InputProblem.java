package dev.drillbit.daily;

/**
 * One thing wrong with a member's schedule input, worded to be shown to them as is. Immutable.
 *
 * @param option the option at fault ({@code time}, {@code zone}, {@code days}, ...)
 */
public record InputProblem(String option, String message) {}
