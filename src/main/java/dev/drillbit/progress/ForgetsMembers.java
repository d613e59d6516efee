package dev.drillbit.progress;

/**
 * Anything that keeps data about members besides the score store (reminder claims, daily runs): what
 * {@link MemberData#forget} reaches. Implementations are thread-safe.
 */
@FunctionalInterface
public interface ForgetsMembers {

    /**
     * Erases every trace of the member in the guild; durable on return.
     *
     * @throws RuntimeException when it could not be made durable; the caller must not say it was erased
     */
    void forget(long guildId, long userId);
}
