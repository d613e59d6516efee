package dev.drillbit.quiz;

/** How a learner grades their own answer to an open question against its key points. */
public enum SelfGrade {
    MISSED("missed it", 0.0),
    PARTLY("partly", 0.5),
    NAILED("nailed it", 1.0);

    private final String label;
    private final double credit;

    SelfGrade(String label, double credit) {
        this.label = label;
        this.credit = credit;
    }

    public String label() {
        return label;
    }

    /** The share of the question's points this grade earns. */
    public double credit() {
        return credit;
    }
}
