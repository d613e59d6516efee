package dev.drillbit.session;

import dev.drillbit.bank.Question;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * What every question-by-question session is: an id, an owner, and its {@link QuestionRun}. Designed for
 * extension by quiz sessions and mock interviews, which add their own decisions.
 *
 * <p>Thread-safe as its subclasses: they guard {@link #run} and their own state with the session's
 * monitor ({@code synchronized} methods), as this class does.
 *
 * @param <O> the owner
 */
public abstract class QuestionSession<O> implements Session<O> {
    private final String id;
    private final O owner;
    /** The questions and the current one's timer; guarded by this session's monitor. */
    protected final QuestionRun run;

    /**
     * @param limits each question's time limit
     * @param now when the first question is shown
     * @throws IllegalArgumentException without questions
     */
    protected QuestionSession(
            String id, O owner, List<Question> questions, Function<Question, Duration> limits, Instant now) {
        this.id = id;
        this.owner = owner;
        this.run = new QuestionRun(questions, limits, now);
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final O owner() {
        return owner;
    }

    public final Instant startedAt() {
        return run.startedAt();
    }

    /** How many questions the session has. */
    public final int size() {
        return run.size();
    }

    /** The current question's index, from 0. */
    public final synchronized int position() {
        return run.position();
    }
}
