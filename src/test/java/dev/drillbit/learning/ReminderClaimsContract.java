package dev.drillbit.learning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drillbit.progress.GuildZones;
import dev.drillbit.progress.MemberRef;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.LongStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ReminderClaims} promises; each implementation extends this class once. Covered: once
 * per guild day, durable on return (a restart remembers), the guild's own day, forget, concurrent
 * claimers.
 */
public abstract class ReminderClaimsContract {
    private static final MemberRef ANN = new MemberRef(1, 10);
    private static final MemberRef BEN = new MemberRef(1, 11);
    private static final Instant MORNING = Instant.parse("2026-11-23T08:00:00Z");

    /** Opens the claims over this test's data: every call sees the same data, so a second call is a restart. */
    protected abstract ReminderClaims open(GuildZones zones);

    @Test
    @DisplayName("a member is claimed once a day, also across a restart, and again the next day")
    void onceADayAcrossARestart() {
        // GIVEN Ann reminded this morning
        assertThat(open(GuildZones.utc()).claim(List.of(ANN), MORNING)).containsExactly(ANN);

        // WHEN the bot restarts and both are due in the evening
        ReminderClaims reopened = open(GuildZones.utc());

        // THEN only Ben is reminded; and the next day both are again
        assertThat(reopened.claim(List.of(ANN, BEN), MORNING.plusSeconds(12 * 3600)))
                .containsExactly(BEN);
        assertThat(reopened.claim(List.of(ANN, BEN), MORNING.plusSeconds(12 * 3600)))
                .isEmpty();
        assertThat(reopened.claim(List.of(ANN, BEN), MORNING.plusSeconds(24 * 3600)))
                .containsExactly(ANN, BEN);
    }

    @Test
    @DisplayName("the day is the guild's: past midnight in Tokyo is a new day there, not in UTC")
    void theDayIsTheGuilds() {
        MemberRef tokyo = new MemberRef(2, 20);
        ReminderClaims claims = open(guild -> guild == 2 ? ZoneId.of("Asia/Tokyo") : ZoneOffset.UTC);
        Instant lateUtcMorning = Instant.parse("2026-11-23T14:00:00Z"); // 23:00 in Tokyo
        claims.claim(List.of(ANN, tokyo), lateUtcMorning);

        Instant twoHoursLater = lateUtcMorning.plusSeconds(2 * 3600); // 01:00 the next day in Tokyo

        assertThat(claims.claim(List.of(ANN, tokyo), twoHoursLater)).containsExactly(tokyo);
    }

    @Test
    @DisplayName("a forgotten member is no longer held, also after a restart")
    void forget() {
        ReminderClaims claims = open(GuildZones.utc());
        claims.claim(List.of(ANN, BEN), MORNING);

        claims.forget(ANN.guildId(), ANN.userId());

        assertThat(open(GuildZones.utc()).claim(List.of(ANN, BEN), MORNING)).containsExactly(ANN);
    }

    @Test
    @DisplayName(
            "forgetting a person everywhere drops their claims in every guild and as a person, also after a restart")
    void forgetEverywhere() {
        ReminderClaims claims = open(GuildZones.utc());
        MemberRef annElsewhere = new MemberRef(2, ANN.userId());
        MemberRef annHerself = MemberRef.person(ANN.userId());
        claims.claim(List.of(ANN, annElsewhere, annHerself, BEN), MORNING);

        claims.forgetEverywhere(ANN.userId());

        assertThat(open(GuildZones.utc()).claim(List.of(ANN, annElsewhere, annHerself, BEN), MORNING))
                .containsExactly(ANN, annElsewhere, annHerself);
    }

    @Test
    @DisplayName("concurrent claimers: every due member is claimed exactly once")
    void concurrentClaimers() throws Exception {
        ReminderClaims claims = open(GuildZones.utc());
        List<MemberRef> due =
                LongStream.range(0, 40).mapToObj(u -> new MemberRef(1, u)).toList();
        List<MemberRef> claimed = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                claimed.addAll(claims.claim(due, MORNING));
            });
            thread.start();
            threads.add(thread);
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(claimed).containsExactlyInAnyOrderElementsOf(due);
    }
}
