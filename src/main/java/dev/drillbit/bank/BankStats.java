package dev.drillbit.bank;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Counts of a bank's questions by step, type and difficulty, and how many carry a source and (short
 * answers) test variants, for authors and the validate command.
 */
public final class BankStats {
    private final QuestionBank bank;

    public BankStats(QuestionBank bank) {
        this.bank = bank;
    }

    /** One line: questions, steps, per type, per difficulty. */
    public String summary() {
        List<Question> all = bank.questions();
        return "OK: " + all.size() + " questions in " + bank.steps().size() + " steps; by type: "
                + counts(all, Question::type, QuestionType.class, QuestionType::id) + "; by difficulty: "
                + counts(all, Question::difficulty, Difficulty.class, Difficulty::id);
    }

    /**
     * A fixed-width table: one row per step, columns per type and difficulty, questions with a source, and
     * short answers with both pass and fail variants; then a total row.
     */
    public String table() {
        StringBuilder out = new StringBuilder();
        String format = "%-24s %5s %5s %5s %5s %5s %6s %6s %6s %6s %8s%n";
        out.append(String.format(
                format, "step", "total", "mc", "tf", "short", "open", "junior", "mid", "senior", "source", "variants"));
        for (RoadmapStep step : bank.steps()) {
            row(
                    out,
                    format,
                    step.id(),
                    bank.questions().stream()
                            .filter(q -> q.step().equals(step.id()))
                            .toList());
        }
        row(out, format, "all", bank.questions());
        return out.toString();
    }

    private static void row(StringBuilder out, String format, String name, List<Question> questions) {
        Map<QuestionType, Long> types = tally(questions, Question::type, QuestionType.class);
        Map<Difficulty, Long> levels = tally(questions, Question::difficulty, Difficulty.class);
        out.append(String.format(
                format,
                name,
                questions.size(),
                types.get(QuestionType.MULTIPLE_CHOICE),
                types.get(QuestionType.TRUE_FALSE),
                types.get(QuestionType.SHORT_ANSWER),
                types.get(QuestionType.OPEN),
                levels.get(Difficulty.JUNIOR),
                levels.get(Difficulty.MID),
                levels.get(Difficulty.SENIOR),
                questions.stream().filter(BankStats::hasSource).count(),
                questions.stream().filter(BankStats::hasVariants).count()));
    }

    /** One line: how many questions carry a source, how many short answers carry pass and fail variants. */
    public String coverage() {
        List<Question> all = bank.questions();
        long shortAnswers =
                all.stream().filter(Question.ShortAnswer.class::isInstance).count();
        return "Sources: " + all.stream().filter(BankStats::hasSource).count() + " of " + all.size()
                + " questions; test variants: "
                + all.stream().filter(BankStats::hasVariants).count() + " of "
                + shortAnswers + " short answers";
    }

    private static boolean hasSource(Question question) {
        return question.source() != null && !question.source().isBlank();
    }

    private static boolean hasVariants(Question question) {
        return question instanceof Question.ShortAnswer sa
                && !sa.variants().pass().isEmpty()
                && !sa.variants().fail().isEmpty();
    }

    private static <E extends Enum<E>> Map<E, Long> tally(
            List<Question> questions, Function<Question, E> key, Class<E> type) {
        Map<E, Long> counts = new EnumMap<>(type);
        for (E value : type.getEnumConstants()) {
            counts.put(value, 0L);
        }
        questions.forEach(q -> counts.merge(key.apply(q), 1L, Long::sum));
        return counts;
    }

    private static <E extends Enum<E>> String counts(
            List<Question> questions, Function<Question, E> key, Class<E> type, Function<E, String> name) {
        return tally(questions, key, type).entrySet().stream()
                .map(e -> name.apply(e.getKey()) + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }
}
