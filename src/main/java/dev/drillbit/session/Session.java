package dev.drillbit.session;

/**
 * What the {@link SessionRegistry} needs to know of a session: its id (in every button it shows), its
 * owner (at most one running session per owner) and whether it still runs. Implementations are
 * thread-safe.
 *
 * @param <O> who or where the session belongs to, a value with equals and hashCode
 */
public interface Session<O> {

    /** The id the registry gave it, unique among the sessions it holds. */
    String id();

    O owner();

    /** False once it ended; an ended session is never handed out again. */
    boolean isRunning();
}
