package dev.drillbit.bank;

import java.util.Locale;
import java.util.Optional;

/**
 * Where a question comes from: the bank shipped with drillbit, or a server's own packs. A server question's
 * id is namespaced ({@code g<guild>:<id>}), which no shipped id can be (shipped ids are kebab-case), so the
 * id alone tells them apart. Used as a filter: {@link #BOTH} takes either.
 */
public enum QuestionSource {
    SHIPPED,
    SERVER,
    BOTH;

    /** True for a server pack's question id. */
    public static boolean isServerId(String questionId) {
        return questionId.indexOf(':') >= 0;
    }

    public boolean test(Question question) {
        return switch (this) {
            case SHIPPED -> !isServerId(question.id());
            case SERVER -> isServerId(question.id());
            case BOTH -> true;
        };
    }

    /** The name members type: {@code shipped}, {@code server} or {@code both}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<QuestionSource> fromId(String id) {
        for (QuestionSource s : values()) {
            if (s.id().equals(id)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
