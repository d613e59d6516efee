package dev.drillbit.interview;

import dev.drillbit.bank.Question;
import java.time.Duration;
import java.time.Instant;

/** A question put to the candidate: number {@code position + 1} of {@code size}, to answer by {@code deadline}. */
public record Asked(String sessionId, Question question, int position, int size, Duration limit, Instant deadline) {}
