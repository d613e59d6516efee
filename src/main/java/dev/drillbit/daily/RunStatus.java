package dev.drillbit.daily;

/** Where a run is in its life. Every change is written to the run's file before anyone is told. */
public enum RunStatus {
    /** Recorded and handed to the adapter in a {@link DailyAction.StartRun}; not yet acknowledged. */
    STARTING,
    /** The adapter posted it ({@code started}). Takes answers until its window closes. */
    POSTED,
    /** Its window closed and a {@link DailyAction.CloseRun} was handed out; results not yet acknowledged. */
    CLOSING,
    /** The adapter posted the results ({@code closed}). Final. */
    CLOSED,
    /** The adapter could not post it or its results ({@code failed}); the reason is kept. Final. */
    FAILED;

    /** Whether it may still take answers (subject to its window). */
    public boolean open() {
        return this == STARTING || this == POSTED;
    }
}
