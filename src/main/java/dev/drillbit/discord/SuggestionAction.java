package dev.drillbit.discord;

import java.util.Optional;

/** The actions of member suggestions: the form of {@code /suggest}, and an admin's review of one. */
public enum SuggestionAction implements ComponentAction {
    /** The {@code /suggest} form; the id carries the step, and the type and difficulty in its position. */
    SUBMIT("sb"),
    APPROVE("ap"),
    /** "Edit, then approve": opens the form filled in with the suggestion. */
    EDIT("ed"),
    /** The edit form, sent: approve it as edited. */
    EDITED("ee"),
    /** "Reject": opens the form for the reason. */
    REJECT("rj"),
    /** The reason form, sent. */
    REASON("rs");

    private final String code;

    SuggestionAction(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    public static Optional<SuggestionAction> of(String code) {
        return ComponentAction.parse(SuggestionAction.class, code);
    }
}
