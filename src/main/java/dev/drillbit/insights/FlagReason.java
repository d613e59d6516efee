package dev.drillbit.insights;

import java.util.Locale;
import java.util.Optional;

/** Why a member reported a question. */
public enum FlagReason {
    WRONG_ANSWER("Wrong answer"),
    UNCLEAR("Unclear"),
    TYPO("Typo"),
    OUTDATED("Outdated"),
    OTHER("Other");

    private final String label;

    FlagReason(String label) {
        this.label = label;
    }

    /** How members see it: {@code Wrong answer}. */
    public String label() {
        return label;
    }

    /** As stored and in custom ids: {@code wrong-answer}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<FlagReason> fromId(String id) {
        for (FlagReason r : values()) {
            if (r.id().equals(id)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
