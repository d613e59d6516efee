package dev.drillbit.testsupport;

/**
 * The seed of a randomised test: the value of a system property when one is given (to replay a failure),
 * otherwise the test's own default. The seed is printed so that every run can be replayed with
 * {@code -D<property>=<seed>}.
 */
public final class Seeds {
    private Seeds() {}

    /** The seed from {@code property} if set, else {@code fallback}; printed either way. */
    public static long of(String property, long fallback) {
        long seed = Long.getLong(property, fallback);
        System.out.println("seed " + seed + " (replay with -D" + property + "=" + seed + ")");
        return seed;
    }
}
