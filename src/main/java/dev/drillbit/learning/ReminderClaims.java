package dev.drillbit.learning;

import dev.drillbit.progress.ForgetsMembers;
import dev.drillbit.progress.MemberRef;
import java.time.Instant;
import java.util.List;

/**
 * Which members got their review reminder today: the durable "last reminded" day that makes the daily
 * reminder go out at most once a day per member, across restarts. A day is the member's guild's day.
 *
 * <p>Contract for implementations (proved by {@code ReminderClaimsContract}): thread-safe; a claim is
 * durable before {@link #claim} returns, so a crash between claiming and sending costs a member one
 * day's reminder rather than sending it twice; a member is claimed at most once per guild day, also when
 * several threads claim at once. The reminder is the person's ({@code MemberRef.PERSONAL}), so a person's day
 * is the UTC day.
 */
public interface ReminderClaims extends ForgetsMembers {

    /**
     * Of {@code due}, the members not yet reminded on their guild's day at {@code now}, in the order given;
     * they are marked as reminded (durably) before this returns.
     *
     * @throws java.io.UncheckedIOException when the claims could not be made durable; then nobody is
     *     marked, and nobody should be reminded
     */
    List<MemberRef> claim(List<MemberRef> due, Instant now);

    /** Erases every trace of the member in the guild (for {@code /data forget}); durable on return. */
    @Override
    void forget(long guildId, long userId);

    /** Erases every claim of the user, in every guild and as a person; durable on return. */
    @Override
    void forgetEverywhere(long userId);
}
