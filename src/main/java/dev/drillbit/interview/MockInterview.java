package dev.drillbit.interview;

import dev.drillbit.bank.Question;
import dev.drillbit.bank.QuestionText;
import dev.drillbit.progress.MemberRef;
import dev.drillbit.quiz.AnswerChecker;
import dev.drillbit.quiz.Response;
import dev.drillbit.quiz.Scoring;
import dev.drillbit.quiz.SelfGrade;
import dev.drillbit.quiz.Verdict;
import dev.drillbit.session.QuestionSession;
import dev.drillbit.session.QuestionTimer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One running mock interview. Each question goes ASKING (shown, timer running) → REVEALED (answer shown,
 * checklist open) → graded, then the next is asked. Thread-safe: every method locks the session.
 *
 * <h2>Scoring</h2>
 * Open question: the share of key points ticked. Short answer typed: 1 when the answer checker accepts
 * it, else 0. Short answer not typed: 1 when the candidate ticks "I knew it", else 0. A score of at least
 * {@value #NAILED} counts as right; for open questions the self-grade recorded is "nailed it" from
 * {@value #NAILED}, "partly" from {@value #PARTLY}, else "missed it", so a half-covered answer goes into
 * the review deck. Answers after the time limit still count and are marked as over time.
 */
public final class MockInterview extends QuestionSession<MemberRef> {
    public static final double NAILED = 0.75;
    public static final double PARTLY = 0.25;
    static final String KNEW_IT = "I knew it";

    private enum Phase {
        ASKING,
        REVEALED,
        RECORDING,
        ENDED
    }

    private final InterviewSpec spec;
    private final AnswerChecker checker;
    private final List<QuestionResult> results = new ArrayList<>();
    private Phase phase = Phase.ASKING;
    private Optional<String> typed = Optional.empty();
    private Duration took = Duration.ZERO;
    private Optional<Boolean> autoChecked = Optional.empty();

    MockInterview(
            String id,
            MemberRef owner,
            InterviewSpec spec,
            List<Question> questions,
            Scoring scoring,
            AnswerChecker checker,
            Instant now) {
        super(id, owner, questions, scoring::timeLimit, now);
        this.spec = spec;
        this.checker = checker;
    }

    public long guildId() {
        return owner().guildId();
    }

    public long userId() {
        return owner().userId();
    }

    public InterviewSpec spec() {
        return spec;
    }

    public synchronized Asked current() {
        QuestionTimer timer = run.timer();
        return new Asked(id(), run.current(), run.position(), run.size(), timer.limit(), timer.deadline());
    }

    @Override
    public synchronized boolean isRunning() {
        return phase != Phase.ENDED;
    }

    /** The candidate's answer (empty: they thought it through without typing), or "show me the answer". */
    synchronized SubmitResult submit(Optional<String> text, Instant now) {
        if (phase != Phase.ASKING) {
            return new Refused(phase == Phase.ENDED ? Refused.Reason.NO_INTERVIEW : Refused.Reason.NOT_NOW);
        }
        Question q = run.current();
        typed = text.map(String::strip).filter(s -> !s.isEmpty());
        took = run.timer().elapsed(now);
        autoChecked = Optional.empty();
        if (q instanceof Question.ShortAnswer && typed.isPresent()) {
            autoChecked = checker.check(q, new Response.Text(typed.get())).map(Verdict::correct);
        }
        phase = Phase.REVEALED;
        return revealed();
    }

    private Revealed revealed() {
        Question q = run.current();
        String answer = q instanceof Question.Open open ? open.modelAnswer() : QuestionText.answer(q);
        return new Revealed(id(), q, run.position(), typed, overTime(), answer, checklist(q), autoChecked);
    }

    private boolean overTime() {
        return run.timer().isOverTime(took);
    }

    private List<String> checklist(Question q) {
        if (q instanceof Question.Open open) {
            return open.keyPoints();
        }
        return autoChecked.isPresent() ? List.of() : List.of(KNEW_IT);
    }

    /**
     * Scores the revealed question from the ticked checklist items (indexes; unknown ones ignored) and
     * holds the session until {@link #graded} or {@link #gradingFailed}; empty when not revealed.
     */
    synchronized Optional<QuestionResult> grade(Set<Integer> ticked, boolean inDeckBefore) {
        if (phase != Phase.REVEALED) {
            return Optional.empty();
        }
        Question q = run.current();
        List<String> checklist = checklist(q);
        List<Integer> valid = new ArrayList<>(new TreeSet<>(ticked));
        valid.removeIf(i -> i < 0 || i >= checklist.size());
        double score = autoChecked.isPresent() ? (autoChecked.get() ? 1 : 0) : (double) valid.size() / checklist.size();
        phase = Phase.RECORDING;
        return Optional.of(new QuestionResult(
                q, typed, took, overTime(), checklist, valid, autoChecked, score, score < NAILED && !inDeckBefore));
    }

    /** The self-grade an open question's score records. */
    static SelfGrade selfGrade(double score) {
        return score >= NAILED ? SelfGrade.NAILED : score >= PARTLY ? SelfGrade.PARTLY : SelfGrade.MISSED;
    }

    /** The graded result is durable: keeps it and moves on; returns the next question, or empty at the end. */
    synchronized Optional<Asked> graded(QuestionResult result, Instant now) {
        results.add(result);
        if (run.isLast()) {
            phase = Phase.ENDED;
            return Optional.empty();
        }
        run.advance(now);
        phase = Phase.ASKING;
        typed = Optional.empty();
        autoChecked = Optional.empty();
        return Optional.of(current());
    }

    /** Recording failed: the question can be graded again. */
    synchronized void gradingFailed() {
        if (phase == Phase.RECORDING) {
            phase = Phase.REVEALED;
        }
    }

    synchronized void end() {
        phase = Phase.ENDED;
    }

    /** The report on the questions graded so far. */
    public synchronized InterviewReport report() {
        Map<String, double[]> steps = new LinkedHashMap<>();
        double sum = 0;
        List<Question> toReview = new ArrayList<>();
        List<String> added = new ArrayList<>();
        for (QuestionResult r : results) {
            sum += r.score();
            double[] s = steps.computeIfAbsent(r.question().step(), k -> new double[2]);
            s[0] += r.score();
            s[1]++;
            if (r.score() < NAILED) {
                toReview.add(r.question());
            }
            if (r.addedToDeck()) {
                added.add(r.question().id());
            }
        }
        Map<String, Double> byStep = new LinkedHashMap<>();
        List<String> strong = new ArrayList<>();
        List<String> weak = new ArrayList<>();
        steps.forEach((step, s) -> {
            double mean = s[0] / s[1];
            byStep.put(step, mean);
            if (mean >= InterviewReport.STRONG) {
                strong.add(step);
            } else if (mean < InterviewReport.WEAK) {
                weak.add(step);
            }
        });
        return new InterviewReport(
                id(),
                guildId(),
                userId(),
                spec.step(),
                spec.level(),
                run.startedAt(),
                run.size(),
                results.size() == run.size(),
                results,
                results.isEmpty() ? 0 : sum / results.size(),
                byStep,
                strong,
                weak,
                toReview,
                added);
    }
}
