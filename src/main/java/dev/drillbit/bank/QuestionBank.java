package dev.drillbit.bank;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The validated roadmap and its questions. Built once at start-up by {@link BankLoader}; immutable and
 * safe to share between threads.
 */
public final class QuestionBank {
    private final List<RoadmapStep> steps;
    private final Map<String, RoadmapStep> stepsById;
    private final List<Question> questions;
    private final Map<String, Question> questionsById;

    public QuestionBank(List<RoadmapStep> steps, List<Question> questions) {
        this.steps = List.copyOf(steps);
        this.stepsById = index(this.steps, RoadmapStep::id);
        Map<String, Integer> order = new LinkedHashMap<>();
        this.steps.forEach(s -> order.put(s.id(), order.size()));
        List<Question> sorted = new ArrayList<>(questions); // a stable sort: file order within a step
        sorted.sort(Comparator.comparing((Question q) -> order.getOrDefault(q.step(), Integer.MAX_VALUE)));
        this.questions = List.copyOf(sorted);
        this.questionsById = index(this.questions, Question::id);
    }

    private static <T> Map<String, T> index(List<T> values, Function<T, String> id) {
        Map<String, T> out = new HashMap<>(values.size() * 4 / 3 + 1);
        for (T value : values) {
            if (out.putIfAbsent(id.apply(value), value) != null) {
                throw new IllegalArgumentException("duplicate id " + id.apply(value));
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /** Steps in roadmap order. */
    public List<RoadmapStep> steps() {
        return steps;
    }

    public Optional<RoadmapStep> step(String id) {
        return Optional.ofNullable(stepsById.get(id));
    }

    /** Every question, grouped by step in roadmap order. */
    public List<Question> questions() {
        return questions;
    }

    public Optional<Question> question(String id) {
        return Optional.ofNullable(questionsById.get(id));
    }

    public List<Question> questions(QuestionFilter filter) {
        return questions.stream().filter(filter::test).toList();
    }

    public long count(String stepId) {
        return questions.stream().filter(q -> q.step().equals(stepId)).count();
    }
}
