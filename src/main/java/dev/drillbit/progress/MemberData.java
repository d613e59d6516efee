package dev.drillbit.progress;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Everything drillbit keeps about a member, as one thing: the export of their answers, the {@link #forget}
 * of one guild ({@code /data forget}) and the {@link #forgetEverywhere} of the person ({@code /me forget}),
 * each reaching every store (the score store, with the person's review deck and reminder derived from its
 * events, and every other {@link ForgetsMembers}: reminder claims, daily runs).
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

    /**
     * Erases everything about the user in every guild and outside servers ({@code /me forget}): the other
     * stores first (each durable on return), then the score store in each guild it holds the user in and
     * under {@link MemberRef#PERSONAL} (their deck, mastery, reminder, and what they answered outside
     * servers). The future completes with one {@link Forgotten} per guild once all of it is durable, and
     * exceptionally when any part failed (trying again is safe). An answer recorded in a new guild while
     * this runs may survive it; the member can forget again.
     */
    public CompletableFuture<List<Forgotten>> forgetEverywhere(long userId) {
        try {
            others.forEach(store -> store.forgetEverywhere(userId));
            java.util.TreeSet<Long> guilds = new java.util.TreeSet<>(scores.guildsOf(userId));
            guilds.add(MemberRef.PERSONAL);
            List<CompletableFuture<Forgotten>> each =
                    guilds.stream().map(g -> scores.forget(g, userId)).toList();
            return CompletableFuture.allOf(each.toArray(CompletableFuture[]::new))
                    .thenApply(
                            done -> each.stream().map(CompletableFuture::join).toList());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Every answer the member gave in the guild that is still kept, oldest first (for the CSV export). */
    public List<AnswerEvent> history(long guildId, long userId) {
        return scores.history(guildId, userId);
    }

    /**
     * What the score store holds about the user in one guild ({@link MemberRef#PERSONAL}: outside servers):
     * their answers, oldest first, and their figures there.
     */
    public record Held(
            long guildId,
            List<AnswerEvent> answers,
            java.util.Optional<dev.drillbit.progress.stats.MemberStats> stats) {
        public Held {
            answers = List.copyOf(answers);
        }
    }

    /** Everything the score store holds about the user, per guild, ascending ({@code /me export}). */
    public List<Held> everything(long userId) {
        return scores.guildsOf(userId).stream()
                .map(g -> new Held(g, scores.history(g, userId), scores.memberStats(g, userId)))
                .filter(h -> !h.answers().isEmpty() || h.stats().isPresent())
                .toList();
    }
}
