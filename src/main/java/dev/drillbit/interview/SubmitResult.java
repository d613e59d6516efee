package dev.drillbit.interview;

/** The outcome of answering (or asking to see the answer): the reveal, or a refusal. */
public sealed interface SubmitResult permits Revealed, Refused {}
