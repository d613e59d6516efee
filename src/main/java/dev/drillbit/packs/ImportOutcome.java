package dev.drillbit.packs;

import dev.drillbit.bank.Problem;
import java.util.List;

/** What became of an uploaded pack; every outcome is rendered where it is shown. Immutable. */
public sealed interface ImportOutcome {

    /** Stored and served from now on. */
    record Imported(String step, int questions, boolean replaced, boolean ownStep, int serverTotal)
            implements ImportOutcome {}

    /** Not valid; nothing was stored. {@code problems} holds every problem, with line and column. */
    record Refused(List<Problem> problems) implements ImportOutcome {
        public Refused {
            problems = List.copyOf(problems);
        }
    }

    /** Larger than the configured limit; not read. */
    record TooLarge(long bytes, int maxBytes) implements ImportOutcome {}

    /** Valid, but the server would hold more questions than the configured limit. */
    record TooMany(int wouldHave, int max) implements ImportOutcome {}
}
