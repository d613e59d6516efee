package dev.drillbit.interview;

import dev.drillbit.bank.Question;
import java.util.List;
import java.util.Optional;

/**
 * What the candidate sees after answering: the model answer or accepted answer, and what they can tick.
 *
 * @param answer the model answer (open) or the accepted answers (short answer)
 * @param checklist key points to tick (open), "I knew it" (short answer not typed), or empty (typed short
 *     answer: already checked, see {@code autoChecked})
 */
public record Revealed(
        String sessionId,
        Question question,
        int position,
        Optional<String> typed,
        boolean overTime,
        String answer,
        List<String> checklist,
        Optional<Boolean> autoChecked)
        implements SubmitResult {
    public Revealed {
        checklist = List.copyOf(checklist);
    }
}
