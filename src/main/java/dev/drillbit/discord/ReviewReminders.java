package dev.drillbit.discord;

import dev.drillbit.learning.ReminderClaims;
import dev.drillbit.learning.Reviews;
import dev.drillbit.progress.MemberRef;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daily review reminder: on the heartbeat, at most once a minute (or at once after a member switched
 * it on), finds the members with the reminder on and cards due ({@link Reviews#dueForReminder()}), keeps
 * those not yet reminded on their day (the person's reminder, one a day whatever servers they are in) ({@link ReminderClaims#claim}, durable before anything is
 * sent, so nobody gets two in a day even across restarts) and sends each a direct message. A member whose
 * DMs are closed (Discord error 50007) is dropped quietly and their reminder switched off
 * ({@link Reviews#reminderUndeliverable}), so they are not tried again every day.
 *
 * <p>Thread-safe: {@link #tick()} runs on the heartbeat thread; {@link #wake()} may be called from any.
 */
final class ReviewReminders {
    private static final Logger LOG = LoggerFactory.getLogger(ReviewReminders.class);

    private final java.util.function.BooleanSupplier remindHere;
    private final Reviews reviews;
    private final ReminderClaims log;
    private final Channels channels;
    private final Clock clock;
    private final AtomicBoolean woken = new AtomicBoolean(true);
    private final AtomicLong lastMinute = new AtomicLong(Long.MIN_VALUE);

    ReviewReminders(Reviews reviews, ReminderClaims log, Channels channels, Clock clock) {
        this(reviews, log, channels, clock, () -> true);
    }

    /** @param remindHere whether this process sends the reminders now (it holds their lease) */
    ReviewReminders(
            Reviews reviews,
            ReminderClaims log,
            Channels channels,
            Clock clock,
            java.util.function.BooleanSupplier remindHere) {
        this.remindHere = remindHere;
        this.reviews = reviews;
        this.log = log;
        this.channels = channels;
        this.clock = clock;
    }

    /** Checks at the next beat rather than waiting for the next minute (a member just switched it on). */
    void wake() {
        woken.set(true);
    }

    void tick() {
        Instant now = clock.instant();
        long minute = Math.floorDiv(now.getEpochSecond(), 60);
        if (!woken.getAndSet(false) && lastMinute.getAndSet(minute) == minute) {
            return;
        }
        lastMinute.set(minute);
        if (!remindHere.getAsBoolean()) {
            return; // another process holds the reminders' lease
        }
        List<MemberRef> due = reviews.dueForReminder();
        if (due.isEmpty()) {
            return;
        }
        for (MemberRef member : log.claim(due, now)) {
            send(member);
        }
    }

    private void send(MemberRef member) {
        JDA jda = channels.directMessages().orElse(null);
        if (jda == null) {
            return;
        }
        int due = reviews.summary(MemberRef.PERSONAL, member.userId()).dueNow();
        String text = ReviewView.reminder(due);
        jda.openPrivateChannelById(member.userId())
                .flatMap(channel -> channel.sendMessage(text))
                .queue(
                        sent -> LOG.info(
                                "review reminder sent guild={} user={} due={}", member.guildId(), member.userId(), due),
                        failure -> undelivered(member, failure));
    }

    private void undelivered(MemberRef member, Throwable failure) {
        if (failure instanceof ErrorResponseException e && e.getErrorResponse() == ErrorResponse.CANNOT_SEND_TO_USER) {
            LOG.info(
                    "review reminder undeliverable (direct messages closed), switching it off guild={} user={}",
                    member.guildId(),
                    member.userId());
            reviews.reminderUndeliverable(member.userId()).whenComplete((done, error) -> {
                if (error != null) {
                    LOG.warn(
                            "could not switch off the undeliverable reminder guild={} user={}",
                            member.guildId(),
                            member.userId(),
                            error);
                }
            });
            return;
        }
        LOG.warn(
                "review reminder not sent guild={} user={}: {}", member.guildId(), member.userId(), failure.toString());
    }
}
