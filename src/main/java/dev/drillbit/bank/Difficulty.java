package dev.drillbit.bank;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** How hard a question is, in the words of a hiring ladder. Immutable. */
public enum Difficulty {
    JUNIOR("junior"),
    MID("mid"),
    SENIOR("senior");

    /** Lookup by id: replaying a journal calls {@link #fromId} once per event. */
    private static final Map<String, Difficulty> BY_ID =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(Difficulty::id, Function.identity()));

    private final String id;

    Difficulty(String id) {
        this.id = id;
    }

    /** The name used in question files and slash command options. */
    public String id() {
        return id;
    }

    public static Optional<Difficulty> fromId(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(BY_ID.get(id));
    }
}
