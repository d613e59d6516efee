package dev.drillbit.session;

import dev.drillbit.bank.Question;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * The questions of a session in order, which one is current, and its {@link QuestionTimer}. Shared by quiz
 * sessions and mock interviews, which decide what happens between questions.
 *
 * <p>Not thread-safe: its session holds it under the session's own lock.
 */
public final class QuestionRun {
    private final List<Question> questions;
    private final Function<Question, Duration> limits;
    private final Instant startedAt;
    private int position;
    private QuestionTimer timer;

    /**
     * @param limits each question's time limit
     * @param now when the first question is shown
     * @throws IllegalArgumentException without questions
     */
    public QuestionRun(List<Question> questions, Function<Question, Duration> limits, Instant now) {
        if (questions.isEmpty()) {
            throw new IllegalArgumentException("a session needs at least one question");
        }
        this.questions = List.copyOf(questions);
        this.limits = limits;
        this.startedAt = now;
        this.timer = new QuestionTimer(now, limits.apply(this.questions.get(0)));
    }

    public Instant startedAt() {
        return startedAt;
    }

    public int size() {
        return questions.size();
    }

    public int position() {
        return position;
    }

    public Question current() {
        return questions.get(position);
    }

    public Question question(int at) {
        return questions.get(at);
    }

    public boolean isLast() {
        return position == questions.size() - 1;
    }

    public QuestionTimer timer() {
        return timer;
    }

    /**
     * Shows the next question from {@code now}.
     *
     * @throws IllegalStateException on the last question
     */
    public Question advance(Instant now) {
        if (isLast()) {
            throw new IllegalStateException("no question after the last");
        }
        position++;
        timer = new QuestionTimer(now, limits.apply(current()));
        return current();
    }
}
