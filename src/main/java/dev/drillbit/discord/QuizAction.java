package dev.drillbit.discord;

import java.util.Optional;

/** The actions of a quiz's own buttons, beside the shared {@link AnswerAction}s. */
public enum QuizAction implements ComponentAction {
    /** After a solo question's reveal: the next question, or the results after the last. */
    NEXT("next"),
    /** Solo: gives up the current question. */
    SKIP("skip"),
    /** Solo: ends the quiz. */
    STOP("stop");

    private final String code;

    QuizAction(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    public static Optional<QuizAction> of(String code) {
        return ComponentAction.parse(QuizAction.class, code);
    }
}
