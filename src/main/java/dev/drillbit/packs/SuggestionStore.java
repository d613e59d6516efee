package dev.drillbit.packs;

import dev.drillbit.progress.ForgetsMembers;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Where members' suggested questions and each server's review channel are kept: the port {@link Suggestions}
 * records through. Implementations: the flat files and PostgreSQL, both held to
 * {@code SuggestionStoreContract}.
 *
 * <p>Contract: every write is durable when it returns; a failed write throws a {@link RuntimeException} and
 * leaves what was there. {@link #forget} erases the member's open and rejected suggestions in the server and
 * no longer names them on approved ones (whose question is the server's now). Thread-safe.
 */
public interface SuggestionStore extends ForgetsMembers, AutoCloseable {

    /** Stores a new suggestion ({@code draft.id()} is ignored) under a fresh id; durable on return. */
    Suggestion add(Suggestion draft);

    /** The suggestion with that id in that server. */
    Optional<Suggestion> find(long guildId, long id);

    /** The server's open suggestions, oldest first. */
    List<Suggestion> open(long guildId);

    /** Replaces the stored suggestion of the same id (its review moved on); durable on return. */
    void update(Suggestion suggestion);

    /** Where the server's new suggestions are posted for review, if it chose a channel. */
    OptionalLong reviewChannel(long guildId);

    /** Sets the server's review channel; durable on return. */
    void setReviewChannel(long guildId, long channelId);

    /** Releases the data set. Idempotent. */
    @Override
    void close();
}
