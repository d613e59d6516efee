package dev.drillbit.daily;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A {@link GroupActivity} over answers added by hand: for tests and the playground. Thread-safe
 * (synchronized).
 */
public final class InMemoryGroupActivity implements GroupActivity {

    /** One answer. Immutable. */
    public record Entry(long guildId, long userId, String step, boolean correct, int points, Instant at) {}

    private final List<Entry> entries = new ArrayList<>();

    public synchronized InMemoryGroupActivity add(
            long guildId, long userId, String step, boolean correct, int points, Instant at) {
        entries.add(new Entry(guildId, userId, step, correct, points, at));
        return this;
    }

    private synchronized List<Entry> in(long guildId, Instant from, Instant to) {
        return entries.stream()
                .filter(e -> e.guildId() == guildId && !e.at().isBefore(from) && e.at().isBefore(to))
                .toList();
    }

    @Override
    public List<StepTally> answersByStep(long guildId, Instant from, Instant to) {
        return tallies(in(guildId, from, to));
    }

    @Override
    public List<MemberPoints> pointsByMember(long guildId, Instant from, Instant to) {
        return points(in(guildId, from, to));
    }

    static List<StepTally> tallies(List<Entry> entries) {
        Map<String, int[]> bySteps = new TreeMap<>();
        for (Entry e : entries) {
            int[] t = bySteps.computeIfAbsent(e.step(), s -> new int[2]);
            t[0]++;
            t[1] += e.correct() ? 1 : 0;
        }
        return bySteps.entrySet().stream()
                .map(e -> new StepTally(e.getKey(), e.getValue()[0], e.getValue()[1]))
                .toList();
    }

    static List<MemberPoints> points(List<Entry> entries) {
        Map<Long, Integer> byMember = new TreeMap<>();
        entries.forEach(e -> byMember.merge(e.userId(), e.points(), Integer::sum));
        return byMember.entrySet().stream()
                .map(e -> new MemberPoints(e.getKey(), e.getValue()))
                .toList();
    }
}
