package dev.drillbit.insights;

import dev.drillbit.bank.Question;
import dev.drillbit.bank.QuestionBank;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which questions look broken, judged from how they have been answered. Stateless; thread-safe.
 *
 * <p>A question is flagged, once it has at least {@link Thresholds#minAnswers} answers, when
 * <ul>
 *   <li>its success rate is below {@link Thresholds#lowSuccess} (the key may be wrong, or the prompt
 *       misleading), or</li>
 *   <li>(multiple choice, counting answers that recorded their choice) a wrong option was chosen more often
 *       than the right one (the "distractor" may in fact be right, or the key points at the wrong letter).</li>
 * </ul>
 * Defaults: 20 answers, 25% success: below a quarter right is worse than guessing among four options.
 */
public final class QuestionQuality {
    private QuestionQuality() {}

    /** When to flag. */
    public record Thresholds(int minAnswers, double lowSuccess) {
        public static final Thresholds DEFAULT = new Thresholds(20, 0.25);

        public Thresholds {
            if (minAnswers < 1 || !(lowSuccess >= 0 && lowSuccess <= 1)) {
                throw new IllegalArgumentException("minAnswers must be positive and lowSuccess in [0, 1]");
            }
        }
    }

    /**
     * A flagged question.
     *
     * @param preferredDistractor the wrong option chosen more often than the right one (most chosen), if any
     */
    public record Flagged(
            Question question, QuestionStats stats, boolean lowSuccess, Optional<Integer> preferredDistractor) {}

    public static List<Flagged> flagged(QuestionBank bank, List<QuestionStats> stats, Thresholds t) {
        List<Flagged> out = new ArrayList<>();
        for (QuestionStats s : stats) {
            Optional<Question> q = bank.question(s.questionId());
            if (q.isEmpty() || s.answers() < t.minAnswers()) {
                continue;
            }
            boolean low = s.successRate() < t.lowSuccess();
            Optional<Integer> distractor = Optional.empty();
            if (q.get() instanceof Question.MultipleChoice mc && s.choicesRecorded() >= t.minAnswers()) {
                int right = count(s, mc.answer());
                int best = -1;
                for (int i = 0; i < mc.options().size(); i++) {
                    if (i != mc.answer() && count(s, i) > right && (best < 0 || count(s, i) > count(s, best))) {
                        best = i;
                    }
                }
                distractor = best < 0 ? Optional.empty() : Optional.of(best);
            }
            if (low || distractor.isPresent()) {
                out.add(new Flagged(q.get(), s, low, distractor));
            }
        }
        out.sort(Comparator.comparingDouble((Flagged f) -> f.stats().successRate())
                .thenComparing(f -> f.question().id()));
        return out;
    }

    private static int count(QuestionStats s, int option) {
        return option < s.choices().size() ? s.choices().get(option) : 0;
    }

    /** The report {@code drillbit report questions} prints: flagged questions, then every answered one. */
    public static String format(QuestionBank bank, List<QuestionStats> stats, Thresholds t) {
        List<Flagged> flagged = flagged(bank, stats, t);
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(
                Locale.ROOT,
                "Question quality: %d questions answered, %d look broken "
                        + "(at least %d answers, and success below %d%% or a wrong option chosen more than the right one)%n",
                stats.size(),
                flagged.size(),
                t.minAnswers(),
                Math.round(t.lowSuccess() * 100)));
        if (!flagged.isEmpty()) {
            sb.append(String.format("%nLooks broken:%n"));
        }
        for (Flagged f : flagged) {
            Question q = f.question();
            sb.append(String.format(
                    Locale.ROOT,
                    "  %s [%s, %s, %s] %d answers, %d%% right",
                    q.id(),
                    q.step(),
                    q.difficulty().id(),
                    q.type().id(),
                    f.stats().answers(),
                    percent(f.stats().successRate())));
            if (f.lowSuccess()) {
                sb.append("; success is low");
            }
            if (f.preferredDistractor().isPresent() && q instanceof Question.MultipleChoice mc) {
                int d = f.preferredDistractor().get();
                sb.append(String.format(
                        Locale.ROOT,
                        "; option %c chosen %d times, the right answer %c %d times",
                        Question.MultipleChoice.letter(d),
                        count(f.stats(), d),
                        Question.MultipleChoice.letter(mc.answer()),
                        count(f.stats(), mc.answer())));
            }
            sb.append(String.format("%n    %s%n", abbreviate(q.prompt(), 100)));
        }
        if (!stats.isEmpty()) {
            sb.append(String.format("%nEvery answered question:%n"));
            sb.append(String.format(
                    Locale.ROOT, "  %-24s %8s %7s  %s%n", "question", "answers", "right", "options chosen"));
        }
        for (QuestionStats s : stats) {
            StringBuilder options = new StringBuilder();
            for (int i = 0; i < s.choices().size(); i++) {
                options.append(i == 0 ? "" : " ")
                        .append(Question.MultipleChoice.letter(i))
                        .append(':')
                        .append(s.choices().get(i));
            }
            String note = bank.question(s.questionId()).isPresent() ? "" : " (no longer in the bank)";
            sb.append(String.format(
                    Locale.ROOT,
                    "  %-24s %8d %6d%%  %s%s%n",
                    s.questionId(),
                    s.answers(),
                    percent(s.successRate()),
                    options,
                    note));
        }
        return sb.toString();
    }

    private static long percent(double rate) {
        return Math.round(rate * 100);
    }

    private static String abbreviate(String s, int max) {
        String line = s.replaceAll("\\s+", " ").strip();
        return line.length() <= max ? line : line.substring(0, max - 1) + "…";
    }
}
