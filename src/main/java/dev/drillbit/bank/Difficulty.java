package dev.drillbit.bank;

import java.util.Arrays;
import java.util.Optional;

/** How hard a question is, in the words of a hiring ladder. Immutable. */
public enum Difficulty {
    JUNIOR("junior"),
    MID("mid"),
    SENIOR("senior");

    private final String id;

    Difficulty(String id) {
        this.id = id;
    }

    /** The name used in question files and slash command options. */
    public String id() {
        return id;
    }

    public static Optional<Difficulty> fromId(String id) {
        return Arrays.stream(values()).filter(d -> d.id.equals(id)).findFirst();
    }
}
