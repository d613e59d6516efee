package dev.drillbit.discord;

import dev.drillbit.insights.FlagReason;
import java.util.Optional;

/** The actions of "Report a problem": open the choice, pick a reason, add a note. */
public enum FlagAction implements ComponentAction {
    /** "Report a problem" on a revealed answer: shows the reasons. */
    REPORT("rp"),
    WRONG_ANSWER("wa"),
    UNCLEAR("un"),
    TYPO("ty"),
    OUTDATED("od"),
    OTHER("ot"),
    /** "Add a note" and its form; the component id's position is the reason's ordinal. */
    NOTE("nt");

    private final String code;

    FlagAction(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    public static Optional<FlagAction> of(String code) {
        return ComponentAction.parse(FlagAction.class, code);
    }

    /** The reason this action reports; empty for {@link #REPORT} and {@link #NOTE}. */
    public Optional<FlagReason> reason() {
        return switch (this) {
            case WRONG_ANSWER -> Optional.of(FlagReason.WRONG_ANSWER);
            case UNCLEAR -> Optional.of(FlagReason.UNCLEAR);
            case TYPO -> Optional.of(FlagReason.TYPO);
            case OUTDATED -> Optional.of(FlagReason.OUTDATED);
            case OTHER -> Optional.of(FlagReason.OTHER);
            case REPORT, NOTE -> Optional.empty();
        };
    }

    static FlagAction of(FlagReason reason) {
        return switch (reason) {
            case WRONG_ANSWER -> WRONG_ANSWER;
            case UNCLEAR -> UNCLEAR;
            case TYPO -> TYPO;
            case OUTDATED -> OUTDATED;
            case OTHER -> OTHER;
        };
    }
}
