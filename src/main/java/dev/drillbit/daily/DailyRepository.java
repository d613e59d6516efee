package dev.drillbit.daily;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Where the daily quizzes keep schedules, group streaks, rotation and runs: the port
 * {@link DailyScheduler} records through. The flat files are the default implementation; a database can
 * implement the same contract ({@code DailyRepositoryContract}).
 *
 * <p>Contract: every write is durable when it returns, and replaces what was stored under the same key
 * whole (a reader, or a restart after a crash, sees the old value or the new, never a mix); a failed
 * write throws and leaves the old value. {@link #load} reads what the last writes left. Not thread-safe:
 * the scheduler calls it under its own lock. One repository per data set at a time: implementations
 * refuse a second one.
 */
public interface DailyRepository extends AutoCloseable {

    /** Per schedule: its streak and the last report handed out. Immutable. */
    record GroupState(GroupStreak streak, Optional<LocalDate> lastReport) {
        public static final GroupState NEW = new GroupState(GroupStreak.NONE, Optional.empty());
    }

    /** Schedules, group state and the per-guild rotation. The maps are the caller's to change. */
    record State(
            Map<ScheduleId, DailySchedule> schedules, Map<ScheduleId, GroupState> groups, Map<Long, Set<String>> seen) {
        public static final Comparator<ScheduleId> ORDER =
                Comparator.comparingLong(ScheduleId::guildId).thenComparingLong(ScheduleId::channelId);

        public static State empty() {
            return new State(new TreeMap<>(ORDER), new TreeMap<>(ORDER), new TreeMap<>());
        }
    }

    /** Everything stored: the state and every run kept. */
    record Stored(State state, List<DailyRun> runs) {}

    /**
     * Reads everything.
     *
     * @throws dev.drillbit.storage.DataFileException when stored data is damaged or in a foreign format
     *     version; nothing is changed then
     */
    Stored load() throws IOException;

    /** Replaces the state; durable on return. */
    void writeState(State state) throws IOException;

    /** Stores a run under its id, replacing the one there; durable on return. */
    void writeRun(DailyRun run) throws IOException;

    void deleteRun(String runId) throws IOException;

    /** Releases the data set (its lock). Idempotent. */
    @Override
    void close();
}
