package dev.drillbit.quiz;

import dev.drillbit.bank.Question;
import java.util.List;

/** A closed question with every answer it got, in the order they came. Immutable. */
public record Reveal(Question question, int position, List<AnswerRecord> answers) {
    public Reveal {
        answers = List.copyOf(answers);
    }
}
