package dev.drillbit.quiz;

import java.time.Instant;

/** One counted answer in a session. Immutable. */
public record AnswerRecord(long userId, Response response, Verdict verdict, int points, Instant at) {}
