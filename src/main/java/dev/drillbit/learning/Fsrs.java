package dev.drillbit.learning;

import dev.drillbit.learning.ReviewCard.State;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The FSRS-6 spaced-repetition scheduler (Free Spaced Repetition Scheduler, version 6, 21 parameters), as
 * published by open-spaced-repetition and used by modern Anki. It follows the reference Python scheduler,
 * py-fsrs 6 ({@code fsrs/scheduler.py}, {@code Scheduler.review_card}), formula for formula.
 *
 * <h2>Formulas</h2>
 * With parameters w0…w20, grade G (1 = Again … 4 = Easy), stability S in days, difficulty D, and
 * {@code DECAY = -w20}, {@code FACTOR = 0.9^(1/DECAY) - 1}:
 * <ul>
 *   <li>retrievability after t whole days: {@code R(t) = (1 + FACTOR·t/S)^DECAY}, so R(S) = 0.9;</li>
 *   <li>next interval: {@code I = S/FACTOR · (r^(1/DECAY) - 1)} for desired retention r, rounded half to
 *       even (Python's {@code round}), then at least 1 day and at most the maximum interval;</li>
 *   <li>first rating: {@code S0 = w[G-1]}; {@code D0(G) = w4 - e^(w5·(G-1)) + 1}, clamped to [1, 10];</li>
 *   <li>difficulty: {@code D' = D + (10 - D)·(-w6·(G-3))/9}, then mean reversion
 *       {@code D'' = w7·D0(4) + (1 - w7)·D'} (D0(4) unclamped), clamped to [1, 10];</li>
 *   <li>recall (G ≥ 2), on a later day: {@code S' = S·(1 + e^w8·(11-D)·S^-w9·(e^((1-R)·w10) - 1)·h·b)}
 *       with h = w15 for Hard else 1, b = w16 for Easy else 1;</li>
 *   <li>forgetting (G = 1), on a later day:
 *       {@code S' = min(w11·D^-w12·((S+1)^w13 - 1)·e^((1-R)·w14), S/e^(w17·w18))};</li>
 *   <li>same day (fewer than one whole day since the last rating):
 *       {@code S' = S·e^(w17·(G-3+w18))·S^-w19}, the factor at least 1 for Good and Easy;</li>
 *   <li>stability never falls below 0.001.</li>
 * </ul>
 * Elapsed time counts in whole days, floored, exactly as the reference does with Python's
 * {@code timedelta.days}; retrievability uses at least 0 days.
 *
 * <h2>Learning steps and same-day reviews</h2>
 * Learning and relearning steps work as in py-fsrs (Again goes back to the first step, Hard repeats the
 * step, Good moves on or graduates, Easy graduates at once) but are <em>off by default</em>: drillbit
 * serves a review card about once a day, so with the defaults every rating, including the first and an
 * Again, schedules the card in whole days by the long-term formulas and the card stays in
 * {@link State#REVIEW}. A card rated again before a whole day has passed (say, twice in one Discord
 * session) still gets FSRS-6's same-day stability formula; its difficulty moves as after any rating.
 * {@link #withLearningSteps(List, List)} switches steps on, for example the reference defaults of 1 and 10
 * minutes for learning and 10 minutes for relearning.
 *
 * <h2>Fuzz</h2>
 * Off by default, so that schedules are reproducible. {@link #withFuzz(RandomGenerator)} spreads review
 * intervals of 3 days and more as the reference does, drawing from the given generator.
 *
 * <h2>Time and threads</h2>
 * The scheduler never reads a clock: callers pass the instant of each rating (from their injected
 * {@code Clock}). Immutable and thread-safe; when fuzz is on, draws from the generator are made while
 * holding its monitor, so even a generator that is not thread-safe is used by one thread at a time.
 */
public final class Fsrs {

    /** The 21 default FSRS-6 parameters w0…w20. */
    public static final List<Double> DEFAULT_PARAMETERS = List.of(
            0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796, 1.4835, 0.0614, 0.2629,
            1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542);

    /** The default desired retention: the probability of recall a card is scheduled for. */
    public static final double DEFAULT_DESIRED_RETENTION = 0.9;

    /** The default longest interval, in days (about a century). */
    public static final int DEFAULT_MAXIMUM_INTERVAL_DAYS = 36_500;

    /** The smallest stability the scheduler ever produces, in days. */
    public static final double MIN_STABILITY = 0.001;

    static final double MIN_DIFFICULTY = 1.0;
    static final double MAX_DIFFICULTY = 10.0;

    private static final double[] LOWER_BOUNDS = {
        MIN_STABILITY,
        MIN_STABILITY,
        MIN_STABILITY,
        MIN_STABILITY,
        1.0,
        0.001,
        0.001,
        0.001,
        0.0,
        0.0,
        0.001,
        0.001,
        0.001,
        0.001,
        0.0,
        0.0,
        1.0,
        0.0,
        0.0,
        0.0,
        0.1
    };
    private static final double[] UPPER_BOUNDS = {
        100.0, 100.0, 100.0, 100.0, 10.0, 4.0, 4.0, 0.75, 4.5, 0.8, 3.5, 5.0, 0.25, 0.9, 4.0, 1.0, 6.0, 2.0, 2.0, 0.8,
        0.8
    };

    /** Fuzz bands of the reference: from {@code start} days on, each further day adds {@code factor}. */
    private static final double[][] FUZZ_RANGES = {
        {2.5, 7.0, 0.15}, {7.0, 20.0, 0.1}, {20.0, Double.POSITIVE_INFINITY, 0.05}
    };

    private static final long SECONDS_PER_DAY = 86_400;

    private final double[] w;
    private final double desiredRetention;
    private final int maximumIntervalDays;
    private final List<Duration> learningSteps;
    private final List<Duration> relearningSteps;
    private final RandomGenerator fuzz; // null when fuzz is off
    private final double decay;
    private final double factor;

    /** A scheduler with the FSRS-6 defaults: default parameters, retention 0.9, 36500 days, no steps, no fuzz. */
    public Fsrs() {
        this(DEFAULT_PARAMETERS, DEFAULT_DESIRED_RETENTION, DEFAULT_MAXIMUM_INTERVAL_DAYS);
    }

    /**
     * A scheduler with the given parameters, without learning steps and without fuzz.
     *
     * @param parameters the 21 FSRS-6 parameters, each within the reference's bounds
     * @param desiredRetention the recall probability to schedule for, strictly between 0 and 1
     * @param maximumIntervalDays the longest interval, at least 1 day
     * @throws IllegalArgumentException naming every parameter out of bounds, or a bad retention or maximum
     */
    public Fsrs(List<Double> parameters, double desiredRetention, int maximumIntervalDays) {
        this(validated(parameters), desiredRetention, maximumIntervalDays, List.of(), List.of(), null);
    }

    private Fsrs(
            double[] w,
            double desiredRetention,
            int maximumIntervalDays,
            List<Duration> learningSteps,
            List<Duration> relearningSteps,
            RandomGenerator fuzz) {
        if (!(desiredRetention > 0 && desiredRetention < 1)) {
            throw new IllegalArgumentException("desired retention must be between 0 and 1: " + desiredRetention);
        }
        if (maximumIntervalDays < 1) {
            throw new IllegalArgumentException("maximum interval must be at least 1 day: " + maximumIntervalDays);
        }
        this.w = w;
        this.desiredRetention = desiredRetention;
        this.maximumIntervalDays = maximumIntervalDays;
        this.learningSteps = steps("learning", learningSteps);
        this.relearningSteps = steps("relearning", relearningSteps);
        this.fuzz = fuzz;
        this.decay = -w[20];
        this.factor = Math.pow(0.9, 1 / decay) - 1;
    }

    /**
     * This scheduler with (re)learning steps, as in py-fsrs; empty lists turn them off.
     *
     * @param learningSteps waits after a new card's ratings until it graduates to review
     * @param relearningSteps waits after a review card is forgotten until it returns to review
     */
    public Fsrs withLearningSteps(List<Duration> learningSteps, List<Duration> relearningSteps) {
        return new Fsrs(w, desiredRetention, maximumIntervalDays, learningSteps, relearningSteps, fuzz);
    }

    /** This scheduler with the reference's interval fuzz, drawing from {@code random}. */
    public Fsrs withFuzz(RandomGenerator random) {
        return new Fsrs(
                w,
                desiredRetention,
                maximumIntervalDays,
                learningSteps,
                relearningSteps,
                Objects.requireNonNull(random, "random"));
    }

    public List<Double> parameters() {
        return Arrays.stream(w).boxed().toList();
    }

    public double desiredRetention() {
        return desiredRetention;
    }

    public int maximumIntervalDays() {
        return maximumIntervalDays;
    }

    public List<Duration> learningSteps() {
        return learningSteps;
    }

    public List<Duration> relearningSteps() {
        return relearningSteps;
    }

    /** The generator fuzz draws from, or empty when fuzz is off. */
    public Optional<RandomGenerator> fuzz() {
        return Optional.ofNullable(fuzz);
    }

    /**
     * The predicted probability that the card is recalled at {@code at}: {@code R(t)} with t the whole days
     * since its last review, and 1 before a whole day has passed.
     */
    public double retrievability(ReviewCard card, Instant at) {
        return retrievability(card.stability(), Math.max(0, elapsedDays(card.lastReview(), at)));
    }

    /** The card after its first rating at {@code now}; with the default settings it goes straight to review. */
    public ReviewCard firstReview(Rating rating, Instant now) {
        Objects.requireNonNull(rating, "rating");
        Objects.requireNonNull(now, "now");
        double stability = Math.max(w[rating.grade() - 1], MIN_STABILITY);
        double difficulty = clampDifficulty(initialDifficulty(rating.grade()));
        return stepped(State.LEARNING, learningSteps, 0, rating, stability, difficulty, now, 1, 0);
    }

    /**
     * The card after a rating at {@code now}, with its new stability, difficulty, state and due instant. A
     * rating earlier than a whole day after the last one uses the same-day stability formula (a rating
     * before the last one, after a clock correction, counts as same-day too).
     */
    public ReviewCard review(ReviewCard card, Rating rating, Instant now) {
        Objects.requireNonNull(card, "card");
        Objects.requireNonNull(rating, "rating");
        Objects.requireNonNull(now, "now");
        long days = elapsedDays(card.lastReview(), now);
        double stability = days < 1
                ? shortTermStability(card.stability(), rating.grade())
                : nextStability(
                        card.difficulty(),
                        card.stability(),
                        retrievability(card.stability(), Math.max(0, days)),
                        rating);
        double difficulty = nextDifficulty(card.difficulty(), rating.grade());
        int reps = card.reps() + 1;
        return switch (card.state()) {
            case LEARNING ->
                stepped(
                        State.LEARNING,
                        learningSteps,
                        card.step(),
                        rating,
                        stability,
                        difficulty,
                        now,
                        reps,
                        card.lapses());
            case RELEARNING ->
                stepped(
                        State.RELEARNING,
                        relearningSteps,
                        card.step(),
                        rating,
                        stability,
                        difficulty,
                        now,
                        reps,
                        card.lapses());
            case REVIEW -> {
                if (rating == Rating.AGAIN) {
                    int lapses = card.lapses() + 1;
                    yield relearningSteps.isEmpty()
                            ? inReview(stability, difficulty, now, reps, lapses)
                            : new ReviewCard(
                                    State.RELEARNING,
                                    0,
                                    stability,
                                    difficulty,
                                    now,
                                    now.plus(relearningSteps.get(0)),
                                    reps,
                                    lapses);
                }
                yield inReview(stability, difficulty, now, reps, card.lapses());
            }
        };
    }

    /**
     * The interval, in whole days, for a card of the given stability: the long-term formula rounded half to
     * even, at least 1 and at most the maximum interval. Without fuzz.
     */
    public int nextIntervalDays(double stability) {
        double raw = stability / factor * (Math.pow(desiredRetention, 1 / decay) - 1);
        double rounded = Math.rint(raw);
        return (int) Math.min(Math.max(rounded, 1), maximumIntervalDays);
    }

    /** The reference's learning-step rules for a card in {@code state} at step {@code step}. */
    private ReviewCard stepped(
            State state,
            List<Duration> steps,
            int step,
            Rating rating,
            double stability,
            double difficulty,
            Instant now,
            int reps,
            int lapses) {
        if (steps.isEmpty() || (step >= steps.size() && rating != Rating.AGAIN)) {
            return inReview(stability, difficulty, now, reps, lapses);
        }
        return switch (rating) {
            case AGAIN -> new ReviewCard(state, 0, stability, difficulty, now, now.plus(steps.get(0)), reps, lapses);
            case HARD -> {
                Duration wait;
                if (step == 0 && steps.size() == 1) {
                    wait = steps.get(0).multipliedBy(3).dividedBy(2);
                } else if (step == 0) {
                    wait = steps.get(0).plus(steps.get(1)).dividedBy(2);
                } else {
                    wait = steps.get(step);
                }
                yield new ReviewCard(state, step, stability, difficulty, now, now.plus(wait), reps, lapses);
            }
            case GOOD ->
                step + 1 == steps.size()
                        ? inReview(stability, difficulty, now, reps, lapses)
                        : new ReviewCard(
                                state,
                                step + 1,
                                stability,
                                difficulty,
                                now,
                                now.plus(steps.get(step + 1)),
                                reps,
                                lapses);
            case EASY -> inReview(stability, difficulty, now, reps, lapses);
        };
    }

    private ReviewCard inReview(double stability, double difficulty, Instant now, int reps, int lapses) {
        int days = nextIntervalDays(stability);
        if (fuzz != null) {
            days = fuzzed(days);
        }
        return new ReviewCard(
                State.REVIEW, 0, stability, difficulty, now, now.plus(Duration.ofDays(days)), reps, lapses);
    }

    /** The reference's fuzz: a uniform draw from a band around the interval that widens with its length. */
    private int fuzzed(int days) {
        if (days < 2.5) {
            return days;
        }
        double delta = 1.0;
        for (double[] range : FUZZ_RANGES) {
            delta += range[2] * Math.max(Math.min(days, range[1]) - range[0], 0.0);
        }
        long minDays = Math.max(2, (long) Math.rint(days - delta));
        long maxDays = Math.min((long) Math.rint(days + delta), maximumIntervalDays);
        minDays = Math.min(minDays, maxDays);
        double draw;
        synchronized (fuzz) {
            draw = fuzz.nextDouble();
        }
        // As the reference: the draw spans max - min + 1 days before rounding, then only the maximum clamps.
        double fuzzedDays = draw * (maxDays - minDays + 1) + minDays;
        return (int) Math.min(Math.rint(fuzzedDays), maximumIntervalDays);
    }

    private double retrievability(double stability, long elapsedDays) {
        return Math.pow(1 + factor * elapsedDays / stability, decay);
    }

    private double initialDifficulty(int grade) {
        return w[4] - Math.exp(w[5] * (grade - 1)) + 1;
    }

    private double nextDifficulty(double difficulty, int grade) {
        double delta = -w[6] * (grade - 3);
        double damped = difficulty + (10.0 - difficulty) * delta / 9.0;
        double reverted = w[7] * initialDifficulty(Rating.EASY.grade()) + (1 - w[7]) * damped;
        return clampDifficulty(reverted);
    }

    private double shortTermStability(double stability, int grade) {
        double increase = Math.exp(w[17] * (grade - 3 + w[18])) * Math.pow(stability, -w[19]);
        if (grade >= Rating.GOOD.grade()) {
            increase = Math.max(increase, 1.0);
        }
        return Math.max(stability * increase, MIN_STABILITY);
    }

    private double nextStability(double difficulty, double stability, double retrievability, Rating rating) {
        double next = rating == Rating.AGAIN
                ? forgetStability(difficulty, stability, retrievability)
                : recallStability(difficulty, stability, retrievability, rating);
        return Math.max(next, MIN_STABILITY);
    }

    private double forgetStability(double difficulty, double stability, double retrievability) {
        double longTerm = w[11]
                * Math.pow(difficulty, -w[12])
                * (Math.pow(stability + 1, w[13]) - 1)
                * Math.exp((1 - retrievability) * w[14]);
        double shortTerm = stability / Math.exp(w[17] * w[18]);
        return Math.min(longTerm, shortTerm);
    }

    private double recallStability(double difficulty, double stability, double retrievability, Rating rating) {
        double hardPenalty = rating == Rating.HARD ? w[15] : 1;
        double easyBonus = rating == Rating.EASY ? w[16] : 1;
        return stability
                * (1
                        + Math.exp(w[8])
                                * (11 - difficulty)
                                * Math.pow(stability, -w[9])
                                * (Math.exp((1 - retrievability) * w[10]) - 1)
                                * hardPenalty
                                * easyBonus);
    }

    private static double clampDifficulty(double difficulty) {
        return Math.min(Math.max(difficulty, MIN_DIFFICULTY), MAX_DIFFICULTY);
    }

    /** Whole days from {@code from} to {@code to}, floored like Python's {@code timedelta.days}. */
    private static long elapsedDays(Instant from, Instant to) {
        return Math.floorDiv(Duration.between(from, to).getSeconds(), SECONDS_PER_DAY);
    }

    private static double[] validated(List<Double> parameters) {
        Objects.requireNonNull(parameters, "parameters");
        if (parameters.size() != LOWER_BOUNDS.length) {
            throw new IllegalArgumentException(
                    "expected " + LOWER_BOUNDS.length + " FSRS-6 parameters, got " + parameters.size());
        }
        double[] w = new double[parameters.size()];
        StringBuilder problems = new StringBuilder();
        for (int i = 0; i < w.length; i++) {
            w[i] = Objects.requireNonNull(parameters.get(i), "parameter " + i);
            if (!(w[i] >= LOWER_BOUNDS[i] && w[i] <= UPPER_BOUNDS[i])) {
                problems.append(
                        String.format("%n  w%d = %s is outside [%s, %s]", i, w[i], LOWER_BOUNDS[i], UPPER_BOUNDS[i]));
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("FSRS parameters out of bounds:" + problems);
        }
        return w;
    }

    private static List<Duration> steps(String name, List<Duration> steps) {
        List<Duration> copy = List.copyOf(Objects.requireNonNull(steps, name + " steps"));
        for (Duration step : copy) {
            if (step.isNegative() || step.isZero()) {
                throw new IllegalArgumentException(name + " steps must be positive: " + copy);
            }
        }
        return copy;
    }
}
