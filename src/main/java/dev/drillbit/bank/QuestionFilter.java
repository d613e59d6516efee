package dev.drillbit.bank;

import java.util.Optional;
import java.util.Set;

/**
 * Which questions a quiz may draw from. Empty sets mean "any". Immutable.
 *
 * @param steps roadmap step ids
 * @param difficulty one difficulty, or any
 * @param types question types
 * @param source the shipped bank, the server's packs, or both
 */
public record QuestionFilter(
        Set<String> steps, Optional<Difficulty> difficulty, Set<QuestionType> types, QuestionSource source) {

    public static final QuestionFilter ANY =
            new QuestionFilter(Set.of(), Optional.empty(), Set.of(), QuestionSource.BOTH);

    public QuestionFilter {
        steps = Set.copyOf(steps);
        types = Set.copyOf(types);
        java.util.Objects.requireNonNull(source, "source");
    }

    /** A filter over both sources. */
    public QuestionFilter(Set<String> steps, Optional<Difficulty> difficulty, Set<QuestionType> types) {
        this(steps, difficulty, types, QuestionSource.BOTH);
    }

    public boolean test(Question question) {
        return (steps.isEmpty() || steps.contains(question.step()))
                && difficulty.map(d -> d == question.difficulty()).orElse(true)
                && (types.isEmpty() || types.contains(question.type()))
                && source.test(question);
    }

    public QuestionFilter withSteps(Set<String> newSteps) {
        return new QuestionFilter(newSteps, difficulty, types, source);
    }

    public QuestionFilter withDifficulty(Optional<Difficulty> newDifficulty) {
        return new QuestionFilter(steps, newDifficulty, types, source);
    }

    public QuestionFilter withTypes(Set<QuestionType> newTypes) {
        return new QuestionFilter(steps, difficulty, newTypes, source);
    }

    public QuestionFilter withSource(QuestionSource newSource) {
        return new QuestionFilter(steps, difficulty, types, newSource);
    }
}
