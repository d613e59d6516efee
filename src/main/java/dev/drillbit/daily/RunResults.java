package dev.drillbit.daily;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's results, computed from its durable answers, so they are the same before and after a restart.
 * Immutable.
 *
 * @param questions per question, in the order posted
 * @param members per member who answered, most points first (ties: more right answers, then user id)
 */
public record RunResults(String runId, List<QuestionTally> questions, List<MemberResult> members) {

    public RunResults {
        questions = List.copyOf(questions);
        members = List.copyOf(members);
    }

    public record QuestionTally(int position, String questionId, int answered, int correct) {}

    public record MemberResult(long userId, int points, int correct, int answered) {}

    static RunResults of(DailyRun run) {
        List<QuestionTally> questions = new ArrayList<>();
        for (int i = 0; i < run.questionIds().size(); i++) {
            int position = i;
            List<RunAnswer> to =
                    run.answers().stream().filter(a -> a.position() == position).toList();
            questions.add(new QuestionTally(i, run.questionIds().get(i), to.size(), (int)
                    to.stream().filter(RunAnswer::correct).count()));
        }
        Map<Long, int[]> byMember = new LinkedHashMap<>();
        for (RunAnswer a : run.answers()) {
            int[] m = byMember.computeIfAbsent(a.userId(), u -> new int[3]);
            m[0] += a.points();
            m[1] += a.correct() ? 1 : 0;
            m[2]++;
        }
        List<MemberResult> members = byMember.entrySet().stream()
                .map(e -> new MemberResult(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2]))
                .sorted(Comparator.comparingInt(MemberResult::points)
                        .reversed()
                        .thenComparing(
                                Comparator.comparingInt(MemberResult::correct).reversed())
                        .thenComparingLong(MemberResult::userId))
                .toList();
        return new RunResults(run.id(), questions, members);
    }
}
