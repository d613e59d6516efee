package dev.drillbit.insights;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drillbit.testsupport.ManualTime;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Members' reports: pausing a server's own question at three members, shipped tallies, resolve, forget. */
class QuestionFlagsTest {
    private static final long GUILD = 100;
    private static final String MINE = "g100:mine";

    private final InMemoryFlagStore store = new InMemoryFlagStore();
    private final ManualTime time = ManualTime.at("2026-03-01T10:00:00Z");
    private final QuestionFlags flags = new QuestionFlags(store, time);

    @Test
    @DisplayName("a server's own question reported by three members is paused in that server only")
    void threeMembersPause() {
        // GIVEN
        flags.report(GUILD, MINE, 1, FlagReason.TYPO, Optional.empty());
        flags.report(GUILD, MINE, 2, FlagReason.UNCLEAR, Optional.empty());
        // WHEN
        QuestionFlags.Reported third = flags.report(GUILD, MINE, 3, FlagReason.WRONG_ANSWER, Optional.empty());
        // THEN
        assertThat(third).isEqualTo(new QuestionFlags.Reported(3, true, true));
        assertThat(flags.paused(GUILD)).containsExactly(MINE);
        assertThat(flags.paused(200)).isEmpty();
    }

    @Test
    @DisplayName("one member reporting three times counts once")
    void oneMemberCountsOnce() {
        // GIVEN / WHEN
        for (int i = 0; i < 3; i++) {
            flags.report(GUILD, MINE, 1, FlagReason.TYPO, Optional.empty());
        }
        // THEN
        assertThat(flags.paused(GUILD)).isEmpty();
        assertThat(flags.tallies(GUILD))
                .singleElement()
                .satisfies(t -> assertThat(t.members()).isEqualTo(1));
    }

    @Test
    @DisplayName("shipped questions are never paused; their reports are tallied with reasons and notes")
    void shippedAreTallied() {
        // GIVEN
        flags.report(GUILD, "sql-001", 1, FlagReason.OUTDATED, Optional.of("Postgres 17 changed this"));
        flags.report(GUILD, "sql-001", 2, FlagReason.OUTDATED, Optional.empty());
        flags.report(200, "sql-001", 3, FlagReason.TYPO, Optional.empty());
        // WHEN
        var tallies = flags.shippedTallies();
        // THEN
        assertThat(flags.paused(GUILD)).isEmpty();
        assertThat(tallies).singleElement().satisfies(t -> {
            assertThat(t.members()).isEqualTo(3);
            assertThat(t.reasons()).isEqualTo(Map.of(FlagReason.OUTDATED, 2, FlagReason.TYPO, 1));
            assertThat(t.notes()).containsExactly("Postgres 17 changed this");
        });
    }

    @Test
    @DisplayName("resolving a paused question unpauses it; a restart keeps pauses")
    void resolveAndRestart() {
        // GIVEN
        for (long member = 1; member <= 3; member++) {
            flags.report(GUILD, MINE, member, FlagReason.TYPO, Optional.empty());
        }
        // WHEN
        QuestionFlags reopened = new QuestionFlags(store, time);
        int cleared = reopened.resolve(GUILD, MINE);
        // THEN
        assertThat(new QuestionFlags(store, time).paused(GUILD)).isEmpty();
        assertThat(cleared).isEqualTo(3);
        assertThat(flags.paused(GUILD)).containsExactly(MINE); // the first instance was not told; each process has one
    }

    @Test
    @DisplayName("forgetting a member takes back their report, which can lift a pause")
    void forgetLiftsPause() {
        // GIVEN
        for (long member = 1; member <= 3; member++) {
            flags.report(GUILD, MINE, member, FlagReason.TYPO, Optional.empty());
        }
        // WHEN
        flags.forget(GUILD, 2);
        // THEN
        assertThat(flags.paused(GUILD)).isEmpty();
        assertThat(store.all()).hasSize(2);
    }
}
