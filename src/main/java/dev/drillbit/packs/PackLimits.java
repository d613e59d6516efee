package dev.drillbit.packs;

/**
 * What one server may import: the size of one pack file and the questions across all its packs. Immutable.
 */
public record PackLimits(int maxPackBytes, int maxQuestionsPerServer) {
    public static final PackLimits DEFAULT = new PackLimits(262_144, 500);

    public PackLimits {
        if (maxPackBytes < 1 || maxQuestionsPerServer < 1) {
            throw new IllegalArgumentException("pack limits must be positive");
        }
    }
}
