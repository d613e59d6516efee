package dev.drillbit.discord;

import dev.drillbit.learning.Rating;
import java.util.Optional;

/** The actions of a review card's own buttons, beside the shared {@link AnswerAction}s. */
public enum ReviewAction implements ComponentAction {
    /** The next due card. */
    NEXT("next"),
    AGAIN("r0"),
    HARD("r1"),
    GOOD("r2"),
    EASY("r3");

    private final String code;

    ReviewAction(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    public static Optional<ReviewAction> of(String code) {
        return ComponentAction.parse(ReviewAction.class, code);
    }

    /** The rating this action gives; empty for {@link #NEXT}. */
    public Optional<Rating> rating() {
        return switch (this) {
            case NEXT -> Optional.empty();
            case AGAIN -> Optional.of(Rating.AGAIN);
            case HARD -> Optional.of(Rating.HARD);
            case GOOD -> Optional.of(Rating.GOOD);
            case EASY -> Optional.of(Rating.EASY);
        };
    }
}
