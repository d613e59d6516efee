package dev.drillbit.quiz;

/** Why a quiz session ended. */
public enum EndReason {
    FINISHED,
    STOPPED,
    EXPIRED,
    EVICTED
}
