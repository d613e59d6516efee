package dev.drillbit.daily;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drillbit.bank.QuestionBank;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What every {@link DailyRepository} promises; each implementation extends this class once. Covered: what
 * a write leaves for the next {@link DailyRepository#load} after a restart, replacing whole, deleting,
 * and one repository per data set. (Concurrent writers are not part of the contract: the scheduler
 * serializes its calls.)
 */
public abstract class DailyRepositoryContract {
    private static final Instant SINCE = Instant.parse("2026-01-04T12:00:00Z");
    private final QuestionBank bank = DailyFixtures.bank();
    private final List<DailyRepository> opened = new ArrayList<>();

    /** Opens the repository over this test's data: every call sees the same data. */
    protected abstract DailyRepository open();

    private DailyRepository repository() {
        DailyRepository r = open();
        opened.add(r);
        return r;
    }

    /** Closes the open repository and opens the data again. */
    private DailyRepository restart(DailyRepository r) {
        r.close();
        return repository();
    }

    @AfterEach
    void closeAll() {
        opened.forEach(DailyRepository::close);
    }

    private DailySchedule schedule() {
        return DailyFixtures.schedule(
                bank,
                DailyFixtures.input("09:00", "Europe/Berlin")
                        .withDays("mon-fri")
                        .withSteps("sql")
                        .withPingRole(77)
                        .withReportDay("fri"),
                SINCE);
    }

    private static DailyRun run(DailySchedule schedule, RunStatus status, RunAnswer... answers) {
        return DailyFixtures.run(
                schedule,
                LocalDate.parse("2026-01-05"),
                Instant.parse("2026-01-05T08:00:00Z"),
                List.of("sql-001", "sql-002"),
                status,
                answers);
    }

    @Test
    @DisplayName("a new repository holds nothing")
    void emptyAtFirst() throws Exception {
        DailyRepository.Stored stored = repository().load();

        assertThat(stored.state().schedules()).isEmpty();
        assertThat(stored.runs()).isEmpty();
    }

    @Test
    @DisplayName("the state written is the state loaded after a restart: schedules, group streaks, rotation")
    void stateSurvivesARestart() throws Exception {
        DailyRepository r = repository();
        DailySchedule schedule = schedule();
        DailyRepository.State state = DailyRepository.State.empty();
        state.schedules().put(schedule.id(), schedule);
        state.groups()
                .put(
                        schedule.id(),
                        new DailyRepository.GroupState(
                                new GroupStreak(3, 5, Optional.of(LocalDate.parse("2026-01-02"))),
                                Optional.of(LocalDate.parse("2026-01-02"))));
        state.seen().put(schedule.guildId(), new LinkedHashSet<>(List.of("sql-001", "sql-002")));

        r.writeState(state);

        assertThat(restart(r).load().state()).isEqualTo(state);
    }

    @Test
    @DisplayName("each schedule's question source (shipped, server, both) survives a restart")
    void sourceSurvivesARestart() throws Exception {
        DailyRepository r = repository();
        DailySchedule shipped = DailyFixtures.schedule(
                bank, DailyFixtures.input("09:00", "Europe/Berlin").withSource("shipped"), SINCE);
        DailySchedule server = new DailySchedule(
                new ScheduleId(shipped.guildId(), shipped.channelId() + 1),
                shipped.time(),
                shipped.zone(),
                shipped.days(),
                shipped.steps(),
                shipped.difficulty(),
                shipped.count(),
                shipped.pingRole(),
                shipped.window(),
                shipped.groupMinimum(),
                shipped.reportDay(),
                shipped.setBy(),
                shipped.since(),
                dev.drillbit.bank.QuestionSource.SERVER);
        DailyRepository.State state = DailyRepository.State.empty();
        state.schedules().put(shipped.id(), shipped);
        state.schedules().put(server.id(), server);

        r.writeState(state);

        assertThat(restart(r).load().state().schedules())
                .extractingFromEntries(e -> e.getValue().source())
                .containsExactly(dev.drillbit.bank.QuestionSource.SHIPPED, dev.drillbit.bank.QuestionSource.SERVER);
    }

    @Test
    @DisplayName("a run written again replaces the stored one whole, answers included")
    void runsAreReplacedWhole() throws Exception {
        DailyRepository r = repository();
        DailySchedule schedule = schedule();
        Instant at = Instant.parse("2026-01-05T08:05:00Z");
        r.writeRun(run(schedule, RunStatus.STARTING));
        DailyRun answered = run(schedule, RunStatus.POSTED, new RunAnswer(501, 0, "sql-001", "sql", true, 10, at));

        r.writeRun(answered);

        assertThat(restart(r).load().runs()).containsExactly(answered);
    }

    @Test
    @DisplayName("a deleted run is gone after a restart")
    void deletedRunsAreGone() throws Exception {
        DailyRepository r = repository();
        DailyRun run = run(schedule(), RunStatus.CLOSED);
        r.writeRun(run);

        r.deleteRun(run.id());

        assertThat(restart(r).load().runs()).isEmpty();
    }

    @Test
    @DisplayName("a second repository on the same data is refused while the first is open")
    void oneAtATime() {
        repository();

        assertThatThrownBy(this::repository).isInstanceOf(IllegalStateException.class);
    }
}
