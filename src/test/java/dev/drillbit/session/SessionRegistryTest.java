package dev.drillbit.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drillbit.testsupport.ManualTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The registry quiz and interview sessions share: ids, one running session per owner, idle expiry. */
class SessionRegistryTest {
    private final ManualTime time = ManualTime.at("2026-11-23T09:00:00Z");
    private final List<String> removals = new ArrayList<>();

    /** A session of this test: an owner name and a running flag. */
    record Probe(String id, String owner, AtomicBoolean running) implements Session<String> {
        Probe(String id, String owner) {
            this(id, owner, new AtomicBoolean(true));
        }

        @Override
        public boolean isRunning() {
            return running.get();
        }
    }

    private SessionRegistry<String, Probe> registry(Random random) {
        return new SessionRegistry<>(
                Duration.ofMinutes(15), 100, time, random, (session, why) -> removals.add(session.id() + " " + why));
    }

    private static Probe started(SessionRegistry.Start<Probe> start) {
        return ((SessionRegistry.Start.Started<Probe>) start).session();
    }

    @Test
    @DisplayName("GIVEN a random that repeats itself WHEN two sessions start THEN the second draws another id")
    void idsNeverCollide() {
        Random repeating = new Random() {
            private int calls;

            @Override
            public long nextLong() {
                return calls++ < 2 ? 42 : 43;
            }
        };
        SessionRegistry<String, Probe> sessions = registry(repeating);

        Probe first = started(sessions.start("alice", id -> new Probe(id, "alice")));
        Probe second = started(sessions.start("bob", id -> new Probe(id, "bob")));

        assertThat(first.id()).isEqualTo("00000016");
        assertThat(second.id()).isEqualTo("00000017");
        assertThat(sessions.running(first.id())).containsSame(first);
        assertThat(sessions.running(second.id())).containsSame(second);
    }

    @Test
    @DisplayName("GIVEN an owner's running session WHEN it starts another THEN it gets the running one back")
    void oneRunningSessionPerOwner() {
        SessionRegistry<String, Probe> sessions = registry(new Random(1));
        Probe first = started(sessions.start("alice", id -> new Probe(id, "alice")));

        SessionRegistry.Start<Probe> again = sessions.start("alice", id -> new Probe(id, "alice"));

        assertThat(again).isEqualTo(new SessionRegistry.Start.AlreadyRunning<>(first));
        assertThat(sessions.runningFor("alice")).containsSame(first);
    }

    @Test
    @DisplayName("GIVEN an ended session still held WHEN its owner starts again THEN a new one replaces it")
    void anEndedSessionMakesRoom() {
        SessionRegistry<String, Probe> sessions = registry(new Random(1));
        Probe first = started(sessions.start("alice", id -> new Probe(id, "alice")));
        first.running().set(false);

        Probe second = started(sessions.start("alice", id -> new Probe(id, "alice")));

        assertThat(second).isNotSameAs(first);
        assertThat(sessions.runningFor("alice")).containsSame(second);
    }

    @Test
    @DisplayName(
            "GIVEN an idle session WHEN the idle time passes on the ticker THEN it expires and the listener hears it")
    void idleSessionsExpireOnTheInjectedTicker() {
        SessionRegistry<String, Probe> sessions = registry(new Random(1));
        Probe probe = started(sessions.start("alice", id -> new Probe(id, "alice")));

        time.advance(Duration.ofMinutes(15).plusSeconds(1));
        sessions.expireIdle();

        assertThat(removals).containsExactly(probe.id() + " EXPIRED");
        assertThat(sessions.runningFor("alice")).isEmpty();
        assertThat(sessions.size()).isZero();
    }

    @Test
    @DisplayName("GIVEN a held session WHEN it is removed THEN once only, and its owner may start again")
    void removedOnce() {
        SessionRegistry<String, Probe> sessions = registry(new Random(1));
        Probe probe = started(sessions.start("alice", id -> new Probe(id, "alice")));

        assertThat(sessions.remove(probe)).isTrue();
        assertThat(sessions.remove(probe)).isFalse();

        assertThat(removals).containsExactly(probe.id() + " REMOVED");
        assertThat(sessions.start("alice", id -> new Probe(id, "alice")))
                .isInstanceOf(SessionRegistry.Start.Started.class);
    }
}
