package dev.drillbit.interview;

import dev.drillbit.bank.Question;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How one interview question went. Immutable.
 *
 * @param typed what the candidate typed, empty when they answered in their head
 * @param took from the question being shown to the answer (or to "show me")
 * @param overTime whether that was after the time limit (the answer still counts)
 * @param checklist what the candidate could tick: the key points (open), or "I knew it" (short answer not
 *     typed); empty for a typed short answer, which is checked automatically
 * @param ticked indexes into {@code checklist}
 * @param autoChecked for a typed short answer, whether the answer checker accepted it
 * @param score 0 to 1: the share of the checklist ticked, or 1/0 for a checked short answer
 * @param addedToDeck whether this miss put the question into the review deck (it was not there before)
 */
public record QuestionResult(
        Question question,
        Optional<String> typed,
        Duration took,
        boolean overTime,
        List<String> checklist,
        List<Integer> ticked,
        Optional<Boolean> autoChecked,
        double score,
        boolean addedToDeck) {
    public QuestionResult {
        checklist = List.copyOf(checklist);
        ticked = List.copyOf(ticked);
    }

    /** Right for the store: a checked short answer accepted, or at least {@link MockInterview#NAILED} ticked. */
    public boolean correct() {
        return score >= MockInterview.NAILED;
    }
}
