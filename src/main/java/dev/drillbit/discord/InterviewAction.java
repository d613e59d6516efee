package dev.drillbit.discord;

import java.util.Optional;

/** The actions of a mock interview's buttons, select menu and form. */
public enum InterviewAction implements ComponentAction {
    /** Opens the form to write an answer. */
    WRITE("write"),
    /** The written answer's form, submitted. */
    TEXT("text"),
    /** The candidate thought the answer through without writing it. */
    THINK("think"),
    /** Ends the interview. */
    STOP("stop"),
    /** A short answer not typed: "I knew it". */
    KNEW("knew"),
    /** Nothing of the checklist covered. */
    NONE("none"),
    /** The key points covered, ticked in the select menu. */
    TICK("tick");

    private final String code;

    InterviewAction(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    public static Optional<InterviewAction> of(String code) {
        return ComponentAction.parse(InterviewAction.class, code);
    }
}
