package dev.drillbit.discord;

import dev.drillbit.quiz.Response;
import dev.drillbit.quiz.SelfGrade;
import java.util.Optional;

/**
 * The actions of the answer widget that quizzes, reviews and daily runs share ({@link QuestionView}): a
 * lettered option, True or False, a self-grade of an open question, "Type your answer" and its form's
 * submission, "Show model answer".
 */
public enum AnswerAction implements ComponentAction {
    CHOICE_A("a0"),
    CHOICE_B("a1"),
    CHOICE_C("a2"),
    CHOICE_D("a3"),
    CHOICE_E("a4"),
    TRUE("t"),
    FALSE("f"),
    MISSED_IT("g0"),
    PARTLY("g1"),
    NAILED_IT("g2"),
    /** Opens the form for a typed answer. */
    TYPE("type"),
    /** The typed answer's form, submitted. */
    TEXT("text"),
    /** Shows an open question's model answer and the self-grade buttons. */
    SHOW("show");

    private static final AnswerAction[] CHOICES = {CHOICE_A, CHOICE_B, CHOICE_C, CHOICE_D, CHOICE_E};

    private final String code;

    AnswerAction(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    public static Optional<AnswerAction> of(String code) {
        return ComponentAction.parse(AnswerAction.class, code);
    }

    /**
     * The button of option {@code index} (0 for A).
     *
     * @throws IllegalArgumentException past the fifth option, more than the bank allows
     */
    public static AnswerAction choice(int index) {
        if (index < 0 || index >= CHOICES.length) {
            throw new IllegalArgumentException("no button for option " + index);
        }
        return CHOICES[index];
    }

    public static AnswerAction truth(boolean value) {
        return value ? TRUE : FALSE;
    }

    /** The answer this action gives; empty for the actions that only open something. */
    public Optional<Response> response() {
        return switch (this) {
            case CHOICE_A, CHOICE_B, CHOICE_C, CHOICE_D, CHOICE_E -> Optional.of(new Response.Choice(ordinal()));
            case TRUE -> Optional.of(new Response.Truth(true));
            case FALSE -> Optional.of(new Response.Truth(false));
            case MISSED_IT -> Optional.of(new Response.Graded(SelfGrade.MISSED));
            case PARTLY -> Optional.of(new Response.Graded(SelfGrade.PARTLY));
            case NAILED_IT -> Optional.of(new Response.Graded(SelfGrade.NAILED));
            case TYPE, TEXT, SHOW -> Optional.empty();
        };
    }
}
