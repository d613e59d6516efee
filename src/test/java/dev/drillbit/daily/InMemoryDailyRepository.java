package dev.drillbit.daily;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A {@link DailyRepository} in memory, for testing the scheduler's policy without a disk; proved by
 * {@link DailyRepositoryContract} like the flat files. Everything is copied in and out, so the scheduler's
 * own maps are never shared with what is "stored". A new repository over the same {@link Data} is a
 * restart. Not thread-safe, like the port.
 */
public final class InMemoryDailyRepository implements DailyRepository {

    /** What survives a restart: hand the same one to every repository of a test. */
    public static final class Data {
        private State state = State.empty();
        private final Map<String, DailyRun> runs = new TreeMap<>();
        private boolean open;
        private int stateWrites;

        /** How many times the state was written, by every repository of this data. */
        public int stateWrites() {
            return stateWrites;
        }
    }

    private final Data data;
    private boolean closed;

    /**
     * @throws IllegalStateException when another repository has {@code data} open
     */
    public InMemoryDailyRepository(Data data) {
        if (data.open) {
            throw new IllegalStateException("the daily quizzes are already open");
        }
        data.open = true;
        this.data = data;
    }

    private static State copy(State state) {
        State copy = State.empty();
        copy.schedules().putAll(state.schedules());
        copy.groups().putAll(state.groups());
        state.seen().forEach((guild, seen) -> copy.seen().put(guild, new LinkedHashSet<>(seen)));
        return copy;
    }

    @Override
    public Stored load() {
        return new Stored(copy(data.state), new ArrayList<>(data.runs.values()));
    }

    @Override
    public void writeState(State state) {
        data.stateWrites++;
        data.state = copy(state);
    }

    @Override
    public void writeRun(DailyRun run) {
        data.runs.put(run.id(), run);
    }

    @Override
    public void deleteRun(String runId) {
        data.runs.remove(runId);
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            data.open = false;
        }
    }

    @Override
    public String toString() {
        return "memory";
    }

    List<DailyRun> runs() {
        return List.copyOf(data.runs.values());
    }
}
