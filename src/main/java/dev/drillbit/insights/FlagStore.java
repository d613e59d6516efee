package dev.drillbit.insights;

import dev.drillbit.progress.ForgetsMembers;
import java.util.List;

/**
 * Where members' reports of questions are kept: the port {@link QuestionFlags} records through.
 * Implementations: the flat files and PostgreSQL, both held to {@code FlagStoreContract}.
 *
 * <p>Contract: every write is durable when it returns; a failed write throws a {@link RuntimeException} and
 * leaves what was there. A flag is keyed by (guild, question, member): putting another replaces it.
 * {@link #forget} erases every flag the member made in the guild. Thread-safe. One store per data set at a
 * time where the implementation can tell.
 */
public interface FlagStore extends ForgetsMembers, AutoCloseable {

    /** Every flag, ordered by guild, question, then member. */
    List<Flag> all();

    /** Stores the flag, replacing the member's earlier flag on the question in that guild; durable on return. */
    void put(Flag flag);

    /** Removes every flag on the question in the guild (an admin looked at it); how many there were. */
    int resolve(long guildId, String questionId);

    /** Releases the data set. Idempotent. */
    @Override
    void close();
}
