package dev.drillbit.storage.flatfile;

import dev.drillbit.learning.ReviewCard;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * One member's review cards in one guild, as parallel primitive arrays: about 46 bytes a card instead of
 * a {@link ReviewCard} with two {@link Instant}s (over 100). Questions are numbers from the store's
 * question table. Lookups scan linearly: a deck holds tens to a few hundred cards.
 *
 * <p>Not thread-safe: mutated by the store's writer thread under the aggregate write lock.
 */
final class ReviewDeck {
    private static final ReviewCard.State[] STATES = ReviewCard.State.values();

    int size;
    int[] questions = new int[4];
    byte[] states = new byte[4];
    byte[] steps = new byte[4];
    int[] reps = new int[4];
    int[] lapses = new int[4];
    long[] lastMs = new long[4];
    long[] dueMs = new long[4];
    double[] stability = new double[4];
    double[] difficulty = new double[4];

    int indexOf(int question) {
        for (int i = 0; i < size; i++) {
            if (questions[i] == question) {
                return i;
            }
        }
        return -1;
    }

    ReviewCard card(int i) {
        return new ReviewCard(
                STATES[states[i]],
                steps[i],
                stability[i],
                difficulty[i],
                Instant.ofEpochMilli(lastMs[i]),
                Instant.ofEpochMilli(dueMs[i]),
                reps[i],
                lapses[i]);
    }

    /** The card for {@code question}, empty when it is not in the deck. */
    Optional<ReviewCard> find(int question) {
        int i = indexOf(question);
        return i < 0 ? Optional.empty() : Optional.of(card(i));
    }

    /** Stores {@code card} for {@code question}, adding it when it is missing. */
    void set(int question, ReviewCard card) {
        int i = indexOf(question);
        put(i < 0 ? append(question) : i, card);
    }

    private int append(int question) {
        if (size == questions.length) {
            int n = size + (size >> 1) + 1;
            questions = Arrays.copyOf(questions, n);
            states = Arrays.copyOf(states, n);
            steps = Arrays.copyOf(steps, n);
            reps = Arrays.copyOf(reps, n);
            lapses = Arrays.copyOf(lapses, n);
            lastMs = Arrays.copyOf(lastMs, n);
            dueMs = Arrays.copyOf(dueMs, n);
            stability = Arrays.copyOf(stability, n);
            difficulty = Arrays.copyOf(difficulty, n);
        }
        questions[size] = question;
        return size++;
    }

    void put(int i, ReviewCard c) {
        states[i] = (byte) c.state().ordinal();
        steps[i] = (byte) Math.min(c.step(), Byte.MAX_VALUE);
        reps[i] = c.reps();
        lapses[i] = c.lapses();
        lastMs[i] = c.lastReview().toEpochMilli();
        dueMs[i] = c.due().toEpochMilli();
        stability[i] = c.stability();
        difficulty[i] = c.difficulty();
    }

    /** Adds a card read from a snapshot; a question already present is refused. */
    void load(int question, ReviewCard c) throws EntryCodec.BadLineException {
        if (indexOf(question) >= 0) {
            throw new EntryCodec.BadLineException("review card for question number " + question + " appears twice");
        }
        put(append(question), c);
    }

    /** Numbers per card in a snapshot line. */
    static final int FIELDS = 9;

    void write(StringBuilder sb) {
        sb.append('[');
        for (int i = 0; i < size; i++) {
            sb.append(i == 0 ? "" : ",")
                    .append(questions[i])
                    .append(',')
                    .append(states[i])
                    .append(',')
                    .append(steps[i])
                    .append(',')
                    .append(reps[i])
                    .append(',')
                    .append(lapses[i])
                    .append(',')
                    .append(lastMs[i])
                    .append(',')
                    .append(dueMs[i])
                    .append(',')
                    .append(stability[i])
                    .append(',')
                    .append(difficulty[i]);
        }
        sb.append(']');
    }

    /** Cards from the flat numbers {@link #write} wrote; question numbers mapped by {@code questionOf}. */
    static ReviewDeck read(double[] numbers, java.util.function.IntUnaryOperator questionOf)
            throws EntryCodec.BadLineException {
        if (numbers.length % FIELDS != 0) {
            throw new EntryCodec.BadLineException(
                    "review cards have " + numbers.length + " numbers, not a multiple of " + FIELDS);
        }
        ReviewDeck deck = new ReviewDeck();
        for (int k = 0; k < numbers.length; k += FIELDS) {
            int state = (int) numbers[k + 1];
            if (state < 0 || state >= STATES.length) {
                throw new EntryCodec.BadLineException("unknown review card state " + state);
            }
            try {
                deck.load(
                        questionOf.applyAsInt((int) numbers[k]),
                        new ReviewCard(
                                STATES[state],
                                (int) numbers[k + 2],
                                numbers[k + 7],
                                numbers[k + 8],
                                Instant.ofEpochMilli((long) numbers[k + 5]),
                                Instant.ofEpochMilli((long) numbers[k + 6]),
                                (int) numbers[k + 3],
                                (int) numbers[k + 4]));
            } catch (IllegalArgumentException e) {
                throw new EntryCodec.BadLineException("invalid review card (" + e.getMessage() + ")");
            }
        }
        return deck;
    }
}
