package dev.drillbit.quiz;

import dev.drillbit.bank.Question;
import java.util.Optional;

/** Judges a response to a question, by question type. Stateless and thread-safe. */
public final class AnswerChecker {
    private final ShortAnswerMatcher matcher = new ShortAnswerMatcher();

    /** The verdict, or empty when the response does not fit the question (a widget of another type). */
    public Optional<Verdict> check(Question question, Response response) {
        if (question instanceof Question.MultipleChoice mc && response instanceof Response.Choice choice) {
            if (choice.index() < 0 || choice.index() >= mc.options().size()) {
                return Optional.empty();
            }
            return Optional.of(choice.index() == mc.answer() ? Verdict.RIGHT : Verdict.WRONG);
        }
        if (question instanceof Question.TrueFalse tf && response instanceof Response.Truth truth) {
            return Optional.of(truth.value() == tf.answer() ? Verdict.RIGHT : Verdict.WRONG);
        }
        if (question instanceof Question.ShortAnswer sa && response instanceof Response.Text text) {
            ShortAnswerMatcher.Match match = matcher.match(text.value(), sa.accept(), sa.reject());
            if (!match.accepted()) {
                return Optional.of(Verdict.WRONG);
            }
            Optional<String> note = match.exact()
                    ? Optional.empty()
                    : match.matched().map(m -> "Accepted as \"" + m + "\" (watch the spelling).");
            return Optional.of(new Verdict(true, 1.0, note));
        }
        if (question instanceof Question.Open && response instanceof Response.Graded graded) {
            SelfGrade grade = graded.grade();
            return Optional.of(new Verdict(grade == SelfGrade.NAILED, grade.credit(), Optional.empty()));
        }
        return Optional.empty();
    }
}
