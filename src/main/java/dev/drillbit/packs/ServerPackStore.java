package dev.drillbit.packs;

import dev.drillbit.progress.ForgetsMembers;
import java.util.List;

/**
 * Where servers' packs are kept: the port {@link ServerPacks} records through. Implementations: the flat
 * files and PostgreSQL, both held to {@code ServerPackStoreContract}.
 *
 * <p>Contract: every write is durable when it returns and replaces the pack under the same (guild, step)
 * whole; a failed write throws a {@link RuntimeException} and leaves what was there. {@link #forget} keeps
 * the packs (they are the server's) but no longer names the member as their importer. Thread-safe. One
 * store per data set at a time: implementations refuse a second one where they can tell.
 */
public interface ServerPackStore extends ForgetsMembers, AutoCloseable {

    /** Every server's packs, ordered by guild, then step. */
    List<StoredPack> all();

    /** Stores the pack, replacing the server's pack for the same step; durable on return. */
    void put(StoredPack pack);

    /** Removes the server's pack for {@code step}; durable on return. False when there was none. */
    boolean remove(long guildId, String step);

    /** Releases the data set. Idempotent. */
    @Override
    void close();
}
