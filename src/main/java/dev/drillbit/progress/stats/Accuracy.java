package dev.drillbit.progress.stats;

/** How many answers were given and how many were right. Immutable. */
public record Accuracy(int answered, int correct) {
    public static final Accuracy NONE = new Accuracy(0, 0);

    /** Share right, 0 to 1; 0 when nothing was answered. */
    public double ratio() {
        return answered == 0 ? 0.0 : (double) correct / answered;
    }
}
