package dev.drillbit.interview;

import dev.drillbit.bank.Question;
import dev.drillbit.bank.QuestionText;
import dev.drillbit.quiz.AnswerChecker;
import dev.drillbit.quiz.Response;
import dev.drillbit.quiz.Scoring;
import dev.drillbit.quiz.SelfGrade;
import dev.drillbit.quiz.Verdict;
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
public final class MockInterview {
    public static final double NAILED = 0.75;
    public static final double PARTLY = 0.25;
    static final String KNEW_IT = "I knew it";

    private enum Phase { ASKING, REVEALED, RECORDING, ENDED }

    private final String id;
    private final long guildId;
    private final long userId;
    private final InterviewSpec spec;
    private final List<Question> questions;
    private final Scoring scoring;
    private final AnswerChecker checker;
    private final Instant startedAt;
    private final List<QuestionResult> results = new ArrayList<>();
    private int position;
    private Phase phase = Phase.ASKING;
    private Instant shownAt;
    private Optional<String> typed = Optional.empty();
    private Duration took = Duration.ZERO;
    private Optional<Boolean> autoChecked = Optional.empty();

    MockInterview(String id, long guildId, long userId, InterviewSpec spec, List<Question> questions, Scoring scoring,
            AnswerChecker checker, Instant now) {
        if (questions.isEmpty()) {
            throw new IllegalArgumentException("an interview needs questions");
        }
        this.id = id;
        this.guildId = guildId;
        this.userId = userId;
        this.spec = spec;
        this.questions = List.copyOf(questions);
        this.scoring = scoring;
        this.checker = checker;
        this.startedAt = now;
        this.shownAt = now;
    }

    public String id() {
        return id;
    }

    public long guildId() {
        return guildId;
    }

    public long userId() {
        return userId;
    }

    public InterviewSpec spec() {
        return spec;
    }

    public int size() {
        return questions.size();
    }

    public synchronized Asked current() {
        Question q = questions.get(position);
        Duration limit = scoring.timeLimit(q);
        return new Asked(id, q, position, questions.size(), limit, shownAt.plus(limit));
    }

    synchronized boolean isRunning() {
        return phase != Phase.ENDED;
    }

    /** The candidate's answer (empty: they thought it through without typing), or "show me the answer". */
    synchronized SubmitResult submit(Optional<String> text, Instant now) {
        if (phase != Phase.ASKING) {
            return new Refused(phase == Phase.ENDED ? Refused.Reason.NO_INTERVIEW : Refused.Reason.NOT_NOW);
        }
        Question q = questions.get(position);
        typed = text.map(String::strip).filter(s -> !s.isEmpty());
        took = Duration.between(shownAt, now);
        autoChecked = Optional.empty();
        if (q instanceof Question.ShortAnswer && typed.isPresent()) {
            autoChecked = checker.check(q, new Response.Text(typed.get())).map(Verdict::correct);
        }
        phase = Phase.REVEALED;
        return revealed();
    }

    private Revealed revealed() {
        Question q = questions.get(position);
        String answer = q instanceof Question.Open open ? open.modelAnswer() : QuestionText.answer(q);
        return new Revealed(id, q, position, typed, overTime(), answer, checklist(q), autoChecked);
    }

    private boolean overTime() {
        return took.compareTo(scoring.timeLimit(questions.get(position))) > 0;
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
        Question q = questions.get(position);
        List<String> checklist = checklist(q);
        List<Integer> valid = new ArrayList<>(new TreeSet<>(ticked));
        valid.removeIf(i -> i < 0 || i >= checklist.size());
        double score = autoChecked.isPresent() ? (autoChecked.get() ? 1 : 0) : (double) valid.size() / checklist.size();
        phase = Phase.RECORDING;
        return Optional.of(new QuestionResult(q, typed, took, overTime(), checklist, valid, autoChecked, score,
                score < NAILED && !inDeckBefore));
    }

    /** The self-grade an open question's score records. */
    static SelfGrade selfGrade(double score) {
        return score >= NAILED ? SelfGrade.NAILED : score >= PARTLY ? SelfGrade.PARTLY : SelfGrade.MISSED;
    }

    /** The graded result is durable: keeps it and moves on; returns the next question, or empty at the end. */
    synchronized Optional<Asked> graded(QuestionResult result, Instant now) {
        results.add(result);
        if (position == questions.size() - 1) {
            phase = Phase.ENDED;
            return Optional.empty();
        }
        position++;
        phase = Phase.ASKING;
        shownAt = now;
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
        return new InterviewReport(id, guildId, userId, spec.step(), spec.level(), startedAt, questions.size(),
                results.size() == questions.size(), results, results.isEmpty() ? 0 : sum / results.size(), byStep,
                strong, weak, toReview, added);
    }
}
