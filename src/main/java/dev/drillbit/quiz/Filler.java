package dev.drillbit.quiz;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Generic words around a short answer that say nothing about which answer it is: "the" in "the Vary
 * header", "header" after it. The matcher strips them from the typed answer and from every accepted and
 * rejected entry alike, so "Vary header" meets "Vary" while "ETag header" still does not. Words are
 * compared lower-case without punctuation. Immutable and thread-safe.
 *
 * @param leading single words dropped from the start, as many as stand there ("using the X")
 * @param trailing phrases of one or more words; the longest one ending the answer is dropped, once, unless
 *     nothing would remain
 */
record Filler(Set<String> leading, List<List<String>> trailing) {
    /** The filler authors are told about (README, "Writing questions"). */
    static final Filler GENERIC = of(
            Set.of("the", "a", "an", "using", "use", "via", "with"),
            List.of(
                    "header",
                    "pattern",
                    "directive",
                    "command",
                    "method",
                    "algorithm",
                    "protocol",
                    "strategy",
                    "status code",
                    "status",
                    "code",
                    "flag",
                    "option",
                    "function",
                    "keyword"));

    Filler {
        leading = Set.copyOf(leading);
        trailing = trailing.stream()
                .map(List::copyOf)
                .sorted(Comparator.comparingInt(phrase -> -phrase.size()))
                .toList();
    }

    /** Filler from phrases written with single spaces ("status code"). */
    static Filler of(Set<String> leading, List<String> trailing) {
        return new Filler(
                leading,
                trailing.stream().map(phrase -> List.of(phrase.split(" "))).toList());
    }

    /**
     * {@code words} without their filler. Filler is dropped only when something remains: an answer that is
     * nothing but filler words ("the header") is kept whole.
     */
    List<String> strip(List<String> words) {
        int from = 0;
        while (from < words.size() - 1 && leading.contains(words.get(from))) {
            from++;
        }
        List<String> rest = words.subList(from, words.size());
        for (List<String> phrase : trailing) {
            int keep = rest.size() - phrase.size();
            if (keep >= 0 && rest.subList(keep, rest.size()).equals(phrase)) {
                return keep > 0 ? rest.subList(0, keep) : rest;
            }
        }
        return rest;
    }
}
