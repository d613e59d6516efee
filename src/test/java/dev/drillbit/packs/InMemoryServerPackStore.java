package dev.drillbit.packs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A {@link ServerPackStore} in memory, for domain tests; held to the contract by its own test. */
public final class InMemoryServerPackStore implements ServerPackStore {
    private final Map<String, StoredPack> packs = new TreeMap<>();
    private int puts;

    private static String key(long guildId, String step) {
        return String.format("%020d/%s", guildId, step);
    }

    @Override
    public synchronized List<StoredPack> all() {
        List<StoredPack> out = new ArrayList<>(packs.values());
        out.sort(Comparator.comparingLong(StoredPack::guildId).thenComparing(StoredPack::step));
        return out;
    }

    @Override
    public synchronized void put(StoredPack pack) {
        puts++;
        packs.put(key(pack.guildId(), pack.step()), pack);
    }

    @Override
    public synchronized boolean remove(long guildId, String step) {
        return packs.remove(key(guildId, step)) != null;
    }

    @Override
    public synchronized void forget(long guildId, long userId) {
        packs.replaceAll((k, p) -> p.guildId() == guildId && p.importedBy() == userId ? p.anonymous() : p);
    }

    @Override
    public synchronized void forgetEverywhere(long userId) {
        packs.replaceAll((k, p) -> p.importedBy() == userId ? p.anonymous() : p);
    }

    /** How many times a pack was stored. */
    public synchronized int puts() {
        return puts;
    }

    @Override
    public void close() {}
}
