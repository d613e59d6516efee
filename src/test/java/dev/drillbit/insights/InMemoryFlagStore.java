package dev.drillbit.insights;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A {@link FlagStore} in memory, for domain tests; held to the contract by its own test. */
public final class InMemoryFlagStore implements FlagStore {
    private final List<Flag> flags = new ArrayList<>();

    @Override
    public synchronized List<Flag> all() {
        List<Flag> out = new ArrayList<>(flags);
        out.sort(Comparator.comparingLong(Flag::guildId)
                .thenComparing(Flag::questionId)
                .thenComparingLong(Flag::userId));
        return out;
    }

    @Override
    public synchronized void put(Flag flag) {
        flags.removeIf(f -> f.guildId() == flag.guildId()
                && f.questionId().equals(flag.questionId())
                && f.userId() == flag.userId());
        flags.add(flag);
    }

    @Override
    public synchronized int resolve(long guildId, String questionId) {
        int before = flags.size();
        flags.removeIf(f -> f.guildId() == guildId && f.questionId().equals(questionId));
        return before - flags.size();
    }

    @Override
    public synchronized void forget(long guildId, long userId) {
        flags.removeIf(f -> f.guildId() == guildId && f.userId() == userId);
    }

    @Override
    public synchronized void forgetEverywhere(long userId) {
        flags.removeIf(f -> f.userId() == userId);
    }

    @Override
    public void close() {}
}
