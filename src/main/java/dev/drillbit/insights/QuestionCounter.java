package dev.drillbit.insights;

import dev.drillbit.progress.AnswerEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Adds answers up into {@link QuestionStats}, by question id. Not thread-safe; one per count. */
public final class QuestionCounter {
    private final Map<String, int[]> counts = new TreeMap<>(); // answers, correct, then one per option

    public void add(AnswerEvent a) {
        int[] c = counts.computeIfAbsent(a.questionId(), q -> new int[2]);
        c[0]++;
        c[1] += a.correct() ? 1 : 0;
        if (a.choice().isPresent()) {
            int option = a.choice().getAsInt();
            if (c.length < 3 + option) {
                c = Arrays.copyOf(c, 3 + option);
                counts.put(a.questionId(), c);
            }
            c[2 + option]++;
        }
    }

    /** By question id. */
    public List<QuestionStats> result() {
        List<QuestionStats> out = new ArrayList<>();
        counts.forEach((q, c) -> {
            List<Integer> choices = new ArrayList<>();
            for (int i = 2; i < c.length; i++) {
                choices.add(c[i]);
            }
            out.add(new QuestionStats(q, c[0], c[1], choices));
        });
        return out;
    }
}
