package dev.drillbit.testsupport;

import dev.drillbit.bank.Difficulty;
import dev.drillbit.bank.Question;
import dev.drillbit.bank.QuestionBank;
import dev.drillbit.bank.RoadmapStep;
import java.util.List;

/**
 * A bank small enough to reason about in a table: step {@code a} (a1 junior, a2 mid, a3 senior: weights 1,
 * 2, 3), step {@code b} (b1, b2 junior), step {@code c} (c1 mid). Multiple choice except a3 (open) and b2
 * (short answer).
 */
public final class TinyBank {
    private TinyBank() {}

    /** A source for question {@code id}, unique to it. */
    public static String source(String id) {
        return "https://docs.example.org/" + id;
    }

    public static RoadmapStep step(String id) {
        return new RoadmapStep(
                id, "Step " + id.toUpperCase(), "About " + id, List.of("concept"), "Explain " + id, List.of());
    }

    public static Question.MultipleChoice mc(String id, String step, Difficulty d) {
        return new Question.MultipleChoice(
                id,
                step,
                d,
                "Which one, " + id + "?",
                "Because " + id + ".",
                source(id),
                List.of(),
                List.of("Right", "Wrong, \"quoted\"", "Also wrong"),
                0,
                List.of("yes", "no", "no"));
    }

    public static Question.Open open(String id, String step, Difficulty d) {
        return new Question.Open(
                id,
                step,
                d,
                "Explain " + id + ".",
                "It matters.",
                source(id),
                List.of(),
                List.of("point one", "point two", "point three", "point four"),
                "The model answer for " + id + ".");
    }

    public static Question.ShortAnswer shortAnswer(String id, String step, Difficulty d) {
        return new Question.ShortAnswer(
                id,
                step,
                d,
                "Name the port of " + id + ".",
                "Ports.",
                source(id),
                List.of(),
                List.of("443", "https"),
                List.of("80"),
                new Question.ShortAnswer.Variants(List.of("443.", "HTTPS"), List.of("80", "8443")));
    }

    public static QuestionBank bank() {
        return new QuestionBank(
                List.of(step("a"), step("b"), step("c")),
                List.of(
                        mc("a1", "a", Difficulty.JUNIOR),
                        mc("a2", "a", Difficulty.MID),
                        open("a3", "a", Difficulty.SENIOR),
                        mc("b1", "b", Difficulty.JUNIOR),
                        shortAnswer("b2", "b", Difficulty.JUNIOR),
                        mc("c1", "c", Difficulty.MID)));
    }
}
