package dev.drillbit.learning;

/**
 * How well a member recalled a review card, on FSRS's four-point scale. The {@link #grade()} is the number
 * the FSRS formulas use (G in {@link Fsrs}). Immutable, so safe to share between threads.
 */
public enum Rating {
    /** Forgot: the answer did not come. */
    AGAIN(1),
    /** Recalled, with serious effort. */
    HARD(2),
    /** Recalled after a moment's thought. */
    GOOD(3),
    /** Recalled at once, without effort. */
    EASY(4);

    private final int grade;

    Rating(int grade) {
        this.grade = grade;
    }

    /** The grade G used in the FSRS formulas: 1 for {@link #AGAIN} to 4 for {@link #EASY}. */
    public int grade() {
        return grade;
    }
}
