package dev.drillbit.interview;

/** The outcome of starting an interview. */
public sealed interface StartResult permits StartResult.Started, StartResult.AlreadyRunning, StartResult.NoQuestions {

    record Started(Asked first) implements StartResult {}

    /** The member already has one running; {@code sessionId} is it. */
    record AlreadyRunning(String sessionId) implements StartResult {}

    /** Too few open and short-answer questions for the spec (fewer than {@link InterviewSpec#MIN_LENGTH}). */
    record NoQuestions(InterviewSpec spec, int available) implements StartResult {}
}
