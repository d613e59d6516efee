package dev.drillbit.progress;

/**
 * Anything that keeps data about members besides the score store (reminder claims, daily runs): what
 * {@link MemberData#forget} reaches. Implementations are thread-safe.
 */
public interface ForgetsMembers {

    /**
     * Erases every trace of the member in the guild; durable on return.
     *
     * @throws RuntimeException when it could not be made durable; the caller must not say it was erased
     */
    void forget(long guildId, long userId);

    /**
     * Erases every trace of the user in every guild and outside servers (for {@code /me forget}); durable on
     * return.
     *
     * @throws RuntimeException when it could not be made durable; the caller must not say it was erased
     */
    void forgetEverywhere(long userId);
}
