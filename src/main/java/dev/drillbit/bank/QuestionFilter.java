package dev.drillbit.bank;

import java.util.Optional;
import java.util.Set;

/**
 * Which questions a quiz may draw from. Empty sets mean "any". Immutable.
 *
 * @param steps roadmap step ids
 * @param difficulty one difficulty, or any
 * @param types question types
 */
public record QuestionFilter(Set<String> steps, Optional<Difficulty> difficulty, Set<QuestionType> types) {

    public static final QuestionFilter ANY = new QuestionFilter(Set.of(), Optional.empty(), Set.of());

    public QuestionFilter {
        steps = Set.copyOf(steps);
        types = Set.copyOf(types);
    }

    public boolean test(Question question) {
        return (steps.isEmpty() || steps.contains(question.step()))
                && difficulty.map(d -> d == question.difficulty()).orElse(true)
                && (types.isEmpty() || types.contains(question.type()));
    }

    public QuestionFilter withSteps(Set<String> newSteps) {
        return new QuestionFilter(newSteps, difficulty, types);
    }

    public QuestionFilter withDifficulty(Optional<Difficulty> newDifficulty) {
        return new QuestionFilter(steps, newDifficulty, types);
    }

    public QuestionFilter withTypes(Set<QuestionType> newTypes) {
        return new QuestionFilter(steps, difficulty, newTypes);
    }
}
