package dev.drillbit.progress;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Everything drillbit keeps about a member in a guild, as one thing: the export of their answers and the
 * one {@link #forget} that reaches every store (the score store, with the review deck and reminder setting
 * derived from its events, and every other {@link ForgetsMembers}: reminder claims, daily runs).
 *
 * <p>Thread-safe when its parts are.
 */
public final class MemberData {
    private final ScoreStore scores;
    private final List<ForgetsMembers> others;

    public MemberData(ScoreStore scores, List<? extends ForgetsMembers> others) {
        this.scores = Objects.requireNonNull(scores, "scores");
        this.others = List.copyOf(others);
    }

    /**
     * Erases the member's data in the guild from every store. The other stores are erased first (each
     * durable on return), then the score store; the future completes once all of it is durable, and
     * exceptionally when any part failed (then the member must not be told it was erased; trying again is
     * safe). {@link Forgotten#hadData()} speaks for the score store.
     */
    public CompletableFuture<Forgotten> forget(long guildId, long userId) {
        try {
            others.forEach(store -> store.forget(guildId, userId));
            return scores.forget(guildId, userId);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Every answer the member gave in the guild that is still kept, oldest first (for the CSV export). */
    public List<AnswerEvent> history(long guildId, long userId) {
        return scores.history(guildId, userId);
    }
}
