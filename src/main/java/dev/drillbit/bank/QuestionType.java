package dev.drillbit.bank;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The kinds of question the bank holds; each is answered with its own widget. Immutable. */
public enum QuestionType {
    MULTIPLE_CHOICE("multiple_choice"),
    TRUE_FALSE("true_false"),
    SHORT_ANSWER("short_answer"),
    OPEN("open");

    /** Lookup by id: replaying a journal calls {@link #fromId} once per event. */
    private static final Map<String, QuestionType> BY_ID =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(QuestionType::id, Function.identity()));

    private final String id;

    QuestionType(String id) {
        this.id = id;
    }

    /** The name used in question files and slash command options. */
    public String id() {
        return id;
    }

    public static Optional<QuestionType> fromId(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(BY_ID.get(id));
    }
}
