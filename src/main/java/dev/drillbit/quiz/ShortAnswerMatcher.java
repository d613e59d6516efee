package dev.drillbit.quiz;

import java.text.Normalizer;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Decides whether a typed answer matches a short-answer question. Case, surrounding white space,
 * punctuation and generic {@link Filler} ("the Vary header", "using a pepper") are ignored, in the typed
 * answer and in every accepted and rejected entry alike; small typos are forgiven in proportion to the
 * answer's length; a different number is never accepted; an answer at least as close to a listed near miss
 * as to any accepted answer is refused. Stateless and thread-safe.
 */
public final class ShortAnswerMatcher {
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)*");
    private static final Pattern THOUSANDS = Pattern.compile("\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?");
    private static final Pattern DROPPED = Pattern.compile("[\\p{P}&&[^#]]|\\s+");
    private static final Pattern SPACE = Pattern.compile("\\s+");
    private static final LevenshteinDistance DISTANCE = LevenshteinDistance.getDefaultInstance();

    /** The verdict on one typed answer; {@code matched} is the accepted answer it was taken for. */
    public record Match(boolean accepted, Optional<String> matched, boolean exact) {
        static final Match REFUSED = new Match(false, Optional.empty(), false);
    }

    public Match match(String given, List<String> accept, List<String> reject) {
        List<String> answer = forms(given);
        if (answer.isEmpty()) {
            return Match.REFUSED;
        }
        List<String> numbers = numbers(given);
        for (String candidate : accept) {
            if (numbers(candidate).equals(numbers) && !Collections.disjoint(forms(candidate), answer)) {
                return new Match(true, Optional.of(candidate), true);
            }
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : accept) {
            if (!numbers(candidate).equals(numbers)) {
                continue;
            }
            for (String target : forms(candidate)) {
                int distance = distance(answer, target);
                if (distance <= allowedTypos(target.length()) && distance < bestDistance) {
                    best = candidate;
                    bestDistance = distance;
                }
            }
        }
        if (best == null) {
            return Match.REFUSED;
        }
        for (String nearMiss : reject) {
            for (String miss : forms(nearMiss)) {
                if (distance(answer, miss) <= bestDistance) {
                    return Match.REFUSED;
                }
            }
        }
        return new Match(true, Optional.of(best), false);
    }

    /** The smallest edit distance from any form of the typed answer to {@code target}. */
    private static int distance(List<String> answer, String target) {
        int least = Integer.MAX_VALUE;
        for (String form : answer) {
            least = Math.min(least, DISTANCE.apply(form, target));
        }
        return least;
    }

    /** Typos forgiven for an answer of this many significant characters. */
    static int allowedTypos(int length) {
        if (length <= 3) {
            return 0;
        }
        if (length <= 7) {
            return 1;
        }
        if (length <= 12) {
            return 2;
        }
        return 3;
    }

    /**
     * The forms an answer is compared in: its words lower case, compatibility-normalized, without punctuation
     * (except #), joined without white space; first without {@link Filler#GENERIC filler}, then as typed when
     * the filler made a difference, so that stripping a word never turns a match into a miss ("101 switching
     * protocol" still meets "101 Switching Protocols"). Empty for an answer with nothing significant in it.
     */
    static List<String> forms(String text) {
        String normalized = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).strip();
        List<String> words = SPACE.splitAsStream(normalized).map(word -> DROPPED.matcher(word).replaceAll(""))
                .filter(word -> !word.isEmpty()).toList();
        String stripped = String.join("", Filler.GENERIC.strip(words));
        String plain = String.join("", words);
        if (plain.isEmpty()) {
            return List.of();
        }
        return stripped.equals(plain) || stripped.isEmpty() ? List.of(plain) : List.of(stripped, plain);
    }

    private static List<String> numbers(String text) {
        Matcher m = NUMBER.matcher(text);
        List<String> found = new java.util.ArrayList<>();
        while (m.find()) {
            String number = m.group();
            found.add(THOUSANDS.matcher(number).matches() ? number.replace(",", "") : number.replace(',', '.'));
        }
        return found;
    }
}
