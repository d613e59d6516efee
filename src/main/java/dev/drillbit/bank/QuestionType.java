package dev.drillbit.bank;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of question the bank holds; each is answered with its own widget. Immutable. */
public enum QuestionType {
    MULTIPLE_CHOICE("multiple_choice"),
    TRUE_FALSE("true_false"),
    SHORT_ANSWER("short_answer"),
    OPEN("open");

    private final String id;

    QuestionType(String id) {
        this.id = id;
    }

    /** The name used in question files and slash command options. */
    public String id() {
        return id;
    }

    public static Optional<QuestionType> fromId(String id) {
        return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst();
    }
}
