package dev.drillbit.quiz;

import dev.drillbit.bank.Question;
import dev.drillbit.session.QuestionSession;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One running quiz: its questions in order, the current position, and every answer given. Solo sessions
 * have one participant; group sessions take one answer per member per question until the question
 * closes. Thread-safe: every method locks the session, so answers arriving at once are counted once
 * each and never twice.
 */
public final class QuizSession extends QuestionSession<Owner> {
    private final long startedBy;
    private final Scoring scoring;
    private final AnswerChecker checker;
    private final Map<Integer, Map<Long, AnswerRecord>> answers = new LinkedHashMap<>();
    private final Set<Integer> skipped = new HashSet<>();
    private boolean closed;
    private EndReason ended;

    QuizSession(
            String id,
            Owner owner,
            long startedBy,
            List<Question> questions,
            Scoring scoring,
            AnswerChecker checker,
            Instant now) {
        super(id, owner, questions, scoring::timeLimit, now);
        this.startedBy = startedBy;
        this.scoring = scoring;
        this.checker = checker;
    }

    /** The member who started the quiz: for a solo quiz or single question its owner, for a group quiz who began it. */
    public long startedBy() {
        return startedBy;
    }

    /**
     * Whether {@code userId} may stop this quiz: a solo quiz or single question only its member; a group
     * quiz the member who started it, or one who manages the server ({@code managesServer}).
     */
    public boolean mayStop(long userId, boolean managesServer) {
        return owner().isGroup() ? userId == startedBy || managesServer : userId == owner().userId();
    }

    public synchronized Question current() {
        return run.current();
    }

    public synchronized boolean isLast() {
        return run.isLast();
    }

    /** The last instant the current question takes points (solo) or answers (group); it closes after. */
    public synchronized Instant deadline() {
        return run.timer().deadline();
    }

    /** How many members have answered the current question so far. */
    public synchronized int answeredCount() {
        return answers.getOrDefault(run.position(), Map.of()).size();
    }

    public synchronized boolean isClosed() {
        return closed;
    }

    @Override
    public synchronized boolean isRunning() {
        return ended == null;
    }

    /** Why {@code userId} may not answer question {@code at} now, or empty when they may. */
    public synchronized Optional<AnswerOutcome> refusal(long userId, int at, Instant now) {
        Optional<AnswerOutcome> cannotAct = refuseMove(userId, at);
        if (cannotAct.isPresent()) {
            return cannotAct;
        }
        if (answers.getOrDefault(run.position(), Map.of()).containsKey(userId)) {
            return Optional.of(new AnswerOutcome.AlreadyAnswered(current()));
        }
        if (closed || owner().isGroup() && run.timer().isPast(now)) {
            return Optional.of(new AnswerOutcome.Closed(current()));
        }
        return Optional.empty();
    }

    public synchronized AnswerOutcome answer(long userId, int at, Response response, Instant now) {
        Optional<AnswerOutcome> refused = refusal(userId, at, now);
        if (refused.isPresent()) {
            return refused.get();
        }
        Question question = current();
        Map<Long, AnswerRecord> given = answers.computeIfAbsent(run.position(), p -> new LinkedHashMap<>());
        Optional<Verdict> verdict = checker.check(question, response);
        if (verdict.isEmpty()) {
            return new AnswerOutcome.Mismatched(question);
        }
        Duration elapsed = run.timer().elapsed(now);
        int points = scoring.points(question, verdict.get(), elapsed);
        given.put(userId, new AnswerRecord(userId, response, verdict.get(), points, now));
        if (!owner().isGroup()) {
            closed = true;
        }
        return new AnswerOutcome.Answered(
                question,
                response,
                verdict.get(),
                points,
                run.timer().isPast(now),
                Optional.of(new AnswerOutcome.Timing(elapsed, scoring.timeLimit(question))));
    }

    /**
     * Takes back {@code userId}'s counted answer to question {@code at}, when it could not be recorded
     * durably: it leaves the standings, and the member may answer again while the question is still the
     * current one and open.
     *
     * @return whether the member can answer question {@code at} again
     */
    public synchronized boolean withdraw(long userId, int at) {
        Map<Long, AnswerRecord> given = answers.get(at);
        if (given == null || given.remove(userId) == null) {
            return false;
        }
        if (given.isEmpty()) {
            answers.remove(at);
        }
        if (ended != null || at != run.position()) {
            return false;
        }
        if (!owner().isGroup()) {
            closed = false;
        }
        return !closed;
    }

    /** The current question with its answers so far. */
    public synchronized Reveal reveal() {
        return new Reveal(
                current(),
                run.position(),
                List.copyOf(answers.getOrDefault(run.position(), Map.of()).values()));
    }

    /**
     * Group only: when the current question's deadline has passed at {@code now}, closes it, reveals it and
     * moves on, in one step under the session's lock; empty while it is open, or when it already closed.
     */
    synchronized Optional<GroupStep> closeIfDue(Instant now) {
        if (!owner().isGroup() || ended != null || closed || !run.timer().isPast(now)) {
            return Optional.empty();
        }
        closed = true;
        Reveal reveal = reveal();
        Advance advance = moveOn(now);
        return Optional.of(
                advance instanceof Advance.Finished finished
                        ? new GroupStep.Finished(this, reveal, finished.summary())
                        : new GroupStep.Next(this, reveal, run.position()));
    }

    /** Moves past question {@code at} once it is closed: to the next question, or to the end. */
    public synchronized Advance next(long userId, int at, Instant now) {
        Optional<AnswerOutcome> refusal = refuseMove(userId, at);
        if (refusal.isPresent()) {
            return new Advance.Refused(refusal.get());
        }
        if (!closed) {
            return new Advance.Refused(new AnswerOutcome.NotCurrent());
        }
        return moveOn(now);
    }

    /** Solo only: gives up the current question (it counts as one to revisit) and moves on. */
    public synchronized Advance skip(long userId, int at, Instant now) {
        Optional<AnswerOutcome> refusal = refuseMove(userId, at);
        if (refusal.isPresent()) {
            return new Advance.Refused(refusal.get());
        }
        if (!closed) {
            skipped.add(run.position());
        }
        return moveOn(now);
    }

    /** Why {@code userId} may not act on question {@code at} at all: the quiz is over, not theirs, or moved on. */
    private Optional<AnswerOutcome> refuseMove(long userId, int at) {
        if (ended != null) {
            return Optional.of(new AnswerOutcome.Expired());
        }
        if (!owner().isGroup() && userId != owner().userId()) {
            return Optional.of(new AnswerOutcome.NotParticipant());
        }
        if (at != run.position()) {
            return Optional.of(new AnswerOutcome.NotCurrent());
        }
        return Optional.empty();
    }

    private Advance moveOn(Instant now) {
        if (run.isLast()) {
            return new Advance.Finished(end(EndReason.FINISHED));
        }
        closed = false;
        return new Advance.Next(run.advance(now), run.position());
    }

    /** Ends the session (once; later calls return the same standings with the first reason). */
    public synchronized QuizSummary end(EndReason reason) {
        if (ended == null) {
            ended = reason;
        }
        return summary();
    }

    /** Standings so far, best first. */
    public synchronized QuizSummary summary() {
        Map<Long, int[]> totals = new LinkedHashMap<>();
        Map<Long, Set<String>> missed = new LinkedHashMap<>();
        for (Map.Entry<Integer, Map<Long, AnswerRecord>> entry : answers.entrySet()) {
            Question question = run.question(entry.getKey());
            for (AnswerRecord record : entry.getValue().values()) {
                int[] t = totals.computeIfAbsent(record.userId(), u -> new int[3]);
                t[0] += record.points();
                t[1] += record.verdict().correct() ? 1 : 0;
                t[2]++;
                if (!record.verdict().correct()) {
                    missed.computeIfAbsent(record.userId(), u -> new LinkedHashSet<>())
                            .add(question.step());
                }
            }
        }
        if (!owner().isGroup()) {
            totals.computeIfAbsent(owner().userId(), u -> new int[3]);
            for (int s : skipped) {
                missed.computeIfAbsent(owner().userId(), u -> new LinkedHashSet<>())
                        .add(run.question(s).step());
            }
        }
        List<Long> order = new ArrayList<>(totals.keySet());
        List<Standing> standings = new ArrayList<>();
        for (long user : order) {
            int[] t = totals.get(user);
            standings.add(new Standing(user, t[0], t[1], t[2], List.copyOf(missed.getOrDefault(user, Set.of()))));
        }
        standings.sort(Comparator.comparingInt(Standing::points)
                .reversed()
                .thenComparing(Comparator.comparingDouble(Standing::accuracy).reversed())
                .thenComparingInt(s -> order.indexOf(s.userId())));
        int shown = ended == EndReason.FINISHED ? run.size() : run.position() + (closed ? 1 : 0);
        return new QuizSummary(id(), owner(), shown, run.size(), standings, ended);
    }
}
