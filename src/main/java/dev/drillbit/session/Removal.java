package dev.drillbit.session;

/** Why a session left its {@link SessionRegistry}. */
public enum Removal {
    /** Taken out on purpose: finished or stopped. */
    REMOVED,
    /** Idle longer than the registry's idle time (on the injected ticker). */
    EXPIRED,
    /** Pushed out because the registry was full. */
    EVICTED
}
