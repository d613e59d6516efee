package dev.drillbit.discord;

import java.util.Arrays;
import java.util.Optional;

/**
 * The action segment of a {@link ComponentId}, as one of the adapter's action enums names it
 * ({@link AnswerAction}, {@link QuizAction}, {@link ReviewAction}, {@link InterviewAction}): the code is
 * what travels in the custom id, so codes never change once buttons carry them. Implemented by enums only.
 */
public interface ComponentAction {

    /** The action's code in a custom id; short, without ':'. */
    String code();

    /** The constant of {@code type} with this code; empty for any other code. */
    static <A extends Enum<A> & ComponentAction> Optional<A> parse(Class<A> type, String code) {
        return Arrays.stream(type.getEnumConstants())
                .filter(a -> a.code().equals(code))
                .findFirst();
    }
}
