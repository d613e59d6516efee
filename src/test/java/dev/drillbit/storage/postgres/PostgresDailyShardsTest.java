package dev.drillbit.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drillbit.bank.QuestionBank;
import dev.drillbit.daily.DailyFixtures;
import dev.drillbit.daily.DailyRepository;
import dev.drillbit.daily.DailyRun;
import dev.drillbit.daily.DailySchedule;
import dev.drillbit.daily.OwnedGuilds;
import dev.drillbit.daily.RunStatus;
import dev.drillbit.daily.ScheduleInput;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Several processes on one database, each with the daily quizzes of its shards' guilds: each reads and
 * replaces only its own guilds' rows, and no two hold the same shard.
 */
class PostgresDailyShardsTest {
    private static final Instant SINCE = Instant.parse("2026-01-04T12:00:00Z");
    private static final OwnedGuilds ZERO = new OwnedGuilds(2, List.of(0));
    private static final OwnedGuilds ONE = new OwnedGuilds(2, List.of(1));
    /** A guild on shard 0 of 2 and one on shard 1. */
    private static final long EVEN = 300_000_000_000L << 22;

    private static final long ODD = 300_000_000_001L << 22;

    @RegisterExtension
    final FreshDatabase database = new FreshDatabase();

    private final QuestionBank bank = DailyFixtures.bank();
    private final List<DailyRepository> opened = new ArrayList<>();

    @AfterEach
    void closeAll() {
        opened.forEach(DailyRepository::close);
    }

    private DailyRepository open(OwnedGuilds owned) {
        DailyRepository r = PostgresDailyRepository.open(database.db(), owned);
        opened.add(r);
        return r;
    }

    private DailySchedule schedule(long guild) {
        return DailyFixtures.schedule(
                bank, ScheduleInput.of(guild, 10, DailyFixtures.ADMIN, "09:00", "Europe/Berlin"), SINCE);
    }

    private static DailyRepository.State stateOf(DailySchedule schedule) {
        DailyRepository.State state = DailyRepository.State.empty();
        state.schedules().put(schedule.id(), schedule);
        state.groups().put(schedule.id(), DailyRepository.GroupState.NEW);
        state.seen().put(schedule.guildId(), new LinkedHashSet<>(List.of("sql-001")));
        return state;
    }

    private static DailyRun run(DailySchedule schedule) {
        return DailyFixtures.run(
                schedule,
                LocalDate.parse("2026-01-05"),
                Instant.parse("2026-01-05T08:00:00Z"),
                List.of("sql-001"),
                RunStatus.POSTED);
    }

    @Test
    void twoProcessesWithDifferentShardsOpenTheSameTablesAtOnce() {
        // GIVEN shard 0's repository open
        open(ZERO);

        // WHEN shard 1's opens too THEN it is not refused
        assertThat(open(ONE)).isNotNull();
    }

    @Test
    void eachReplacesItsOwnGuildsStateWithoutErasingTheOthers() throws Exception {
        // GIVEN each process's state written
        DailyRepository zero = open(ZERO);
        DailyRepository one = open(ONE);
        DailySchedule even = schedule(EVEN);
        DailySchedule odd = schedule(ODD);
        one.writeState(stateOf(odd));

        // WHEN shard 0 replaces its state (as it does on every change)
        zero.writeState(stateOf(even));

        // THEN each reads back its own guilds, and only those
        assertThat(zero.load().state()).isEqualTo(stateOf(even));
        assertThat(one.load().state()).isEqualTo(stateOf(odd));
    }

    @Test
    void eachLoadsOnlyItsOwnGuildsRuns() throws Exception {
        // GIVEN a run in each half
        DailyRepository zero = open(ZERO);
        DailyRepository one = open(ONE);
        zero.writeRun(run(schedule(EVEN)));
        one.writeRun(run(schedule(ODD)));

        // WHEN shard 1 reads THEN it sees its own run only
        assertThat(one.load().runs()).extracting(DailyRun::guildId).containsExactly(ODD);
    }

    @Test
    void aRepositoryRefusesToWriteAGuildOfAnotherShard() {
        DailyRepository zero = open(ZERO);

        assertThatThrownBy(() -> zero.writeState(stateOf(schedule(ODD))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not on shards [0] of 2");
        assertThatThrownBy(() -> zero.writeRun(run(schedule(ODD)))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSecondProcessForTheSameShardIsRefused() {
        open(new OwnedGuilds(4, List.of(0, 1)));

        assertThatThrownBy(() -> open(new OwnedGuilds(4, List.of(1, 2))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("shards [1, 2] of 4");
    }

    @Test
    void aProcessForEveryGuildIsRefusedWhileAShardIsOpenAndTheOtherWayRound() {
        DailyRepository zero = open(ZERO);

        assertThatThrownBy(() -> open(OwnedGuilds.ALL)).isInstanceOf(IllegalStateException.class);

        zero.close();
        open(OwnedGuilds.ALL);
        assertThatThrownBy(() -> open(ONE)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aClosedShardCanBeOpenedByTheNextProcess() throws Exception {
        // GIVEN shard 0's state written by a process that then stops
        DailyRepository first = open(ZERO);
        first.writeState(stateOf(schedule(EVEN)));
        first.close();

        // WHEN another process opens shard 0 THEN it takes over that state
        assertThat(open(ZERO).load().state()).isEqualTo(stateOf(schedule(EVEN)));
    }
}
