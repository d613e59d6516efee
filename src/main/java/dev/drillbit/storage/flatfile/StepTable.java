package dev.drillbit.storage.flatfile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Roadmap step ids (or question ids) interned to small numbers, so that each member's per-step counters
 * are a plain array and review cards and seen questions are numbers. Guarded by the store's aggregate
 * lock (written under the write lock).
 */
final class StepTable {
    static final int MAX_STEPS = 1 << 12;
    static final int MAX_QUESTIONS = 1 << 20;
    private final Map<String, Integer> index = new HashMap<>();
    private final List<String> names = new ArrayList<>();
    private final int max;

    StepTable() {
        this(MAX_STEPS);
    }

    StepTable(int max) {
        this.max = max;
    }

    int intern(String step) {
        Integer i = index.get(step);
        if (i != null) {
            return i;
        }
        if (names.size() >= max) {
            throw new IllegalStateException("more than " + max + " distinct ids");
        }
        int n = names.size();
        names.add(step);
        index.put(step, n);
        return n;
    }

    /** The index of a known step, or -1. */
    int find(String step) {
        Integer i = index.get(step);
        return i == null ? -1 : i;
    }

    String name(int i) {
        return names.get(i);
    }

    int size() {
        return names.size();
    }
}
