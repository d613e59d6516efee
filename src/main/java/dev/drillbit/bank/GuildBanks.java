package dev.drillbit.bank;

/**
 * The questions each server draws from: the shipped bank, plus that server's own packs where it has them.
 * What quizzes, daily quizzes, reviews and interviews ask for before they draw or look a question up, so a
 * pack a server imports (or removes) is seen by the next draw. Implementations are thread-safe.
 */
@FunctionalInterface
public interface GuildBanks {

    /** The bank as {@code guildId} sees it now: the shipped steps and questions, and the server's own. */
    QuestionBank forGuild(long guildId);

    /** Every server sees the same bank (no server packs). */
    static GuildBanks only(QuestionBank bank) {
        return guild -> bank;
    }
}
