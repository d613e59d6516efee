package dev.drillbit.learning;

import dev.drillbit.bank.QuestionType;
import dev.drillbit.progress.AnswerEvent;
import dev.drillbit.progress.ReviewEvent;
import dev.drillbit.quiz.SelfGrade;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * How an answer rates a review card, and whether it adds one. Stateless and thread-safe.
 *
 * <h2>Which answers put a question into the deck</h2>
 * Every answer that did not count as right: a wrong answer of any type, and an open question
 * self-graded "missed it" or "partly". A right answer never adds a card, but rates the card when the
 * question is already in the deck, which spaces it out.
 *
 * <h2>The rating</h2>
 * <table>
 *   <caption>Rating of an answer</caption>
 *   <tr><th>question</th><th>answer</th><th>rating</th></tr>
 *   <tr><td>multiple choice, true/false, short answer</td><td>wrong</td><td>Again</td></tr>
 *   <tr><td></td><td>right within the first third of the time limit ({@code 3·elapsed ≤ limit})</td><td>Easy</td></tr>
 *   <tr><td></td><td>right within two thirds ({@code 3·elapsed ≤ 2·limit})</td><td>Good</td></tr>
 *   <tr><td></td><td>right later, also after the limit</td><td>Hard</td></tr>
 *   <tr><td></td><td>right, time or limit not recorded</td><td>Good</td></tr>
 *   <tr><td>open</td><td>missed it / partly / nailed it</td><td>Again / Hard / Good</td></tr>
 *   <tr><td>open, reviewed</td><td>the member's own choice ({@link ReviewEvent})</td><td>as chosen</td></tr>
 * </table>
 * The first third matches the quiz's speed bonus ({@code Scoring}), so "quick" means the same everywhere.
 * Open questions ignore time: thinking a model answer through is not slow recall. Nailing an open question
 * in a quiz rates Good, not Easy; the member can say Easy when reviewing.
 */
public final class ReviewRatings {
    private ReviewRatings() {}

    /** Whether this answer adds its question to the deck when it is not there yet. */
    public static boolean addsCard(boolean correct) {
        return !correct;
    }

    /** The rating of a recorded answer. */
    public static Rating of(AnswerEvent a) {
        return of(a.type(), a.correct(), a.selfGrade(), a.elapsedMillis(), a.limitMillis());
    }

    /** The rating of an answer given its type, correctness, self-grade (open) and timing, per the table above. */
    public static Rating of(
            QuestionType type,
            boolean correct,
            Optional<SelfGrade> grade,
            OptionalLong elapsedMillis,
            OptionalLong limitMillis) {
        if (type == QuestionType.OPEN && grade.isPresent()) {
            return switch (grade.get()) {
                case MISSED -> Rating.AGAIN;
                case PARTLY -> Rating.HARD;
                case NAILED -> Rating.GOOD;
            };
        }
        if (!correct) {
            return Rating.AGAIN;
        }
        if (type == QuestionType.OPEN || elapsedMillis.isEmpty() || limitMillis.isEmpty()) {
            return Rating.GOOD;
        }
        long elapsed = elapsedMillis.getAsLong();
        long limit = limitMillis.getAsLong();
        if (3 * elapsed <= limit) {
            return Rating.EASY;
        }
        return 3 * elapsed <= 2 * limit ? Rating.GOOD : Rating.HARD;
    }
}
