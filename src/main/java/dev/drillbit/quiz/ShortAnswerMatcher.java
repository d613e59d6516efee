package dev.drillbit.quiz;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Decides whether a typed answer matches a short-answer question. Case, surrounding white space,
 * punctuation and generic {@link Filler} ("the Vary header", "using a pepper") are ignored, in the typed
 * answer and in every accepted and rejected entry alike (two answers are as close as they are with or
 * without filler, whichever is closer); small typos are forgiven in proportion to the
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
        Key answer = Key.of(given);
        if (answer.whole().isEmpty()) {
            return Match.REFUSED;
        }
        List<String> numbers = numbers(given);
        for (String candidate : accept) {
            if (answer.same(Key.of(candidate)) && numbers(candidate).equals(numbers)) {
                return new Match(true, Optional.of(candidate), true);
            }
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : accept) {
            if (!numbers(candidate).equals(numbers)) {
                continue;
            }
            int distance = answer.typos(Key.of(candidate));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        if (best == null) {
            return Match.REFUSED;
        }
        for (String nearMiss : reject) {
            if (answer.distance(Key.of(nearMiss)) <= bestDistance) {
                return Match.REFUSED;
            }
        }
        return new Match(true, Optional.of(best), false);
    }

    /**
     * What identifies an answer, in two forms: {@code whole}, every word, and {@code core}, without the
     * {@link Filler#GENERIC filler}; both lower case, compatibility-normalized, without punctuation (except #)
     * and joined without white space. Two answers are as close as the closer of their two forms, so filler
     * is ignored, yet a filler word that belongs to the name ("101 Switching Protocol") still counts.
     */
    record Key(String whole, String core) {
        static Key of(String text) {
            String normalized = Normalizer.normalize(text, Normalizer.Form.NFKC)
                    .toLowerCase(Locale.ROOT)
                    .strip();
            List<String> words = SPACE.splitAsStream(normalized)
                    .map(word -> DROPPED.matcher(word).replaceAll(""))
                    .filter(word -> !word.isEmpty())
                    .toList();
            return new Key(String.join("", words), String.join("", Filler.GENERIC.strip(words)));
        }

        boolean same(Key other) {
            return whole.equals(other.whole) || core.equals(other.core);
        }

        int distance(Key other) {
            return Math.min(DISTANCE.apply(whole, other.whole), DISTANCE.apply(core, other.core));
        }

        /** The typos between this answer and {@code target} when forgivable in either form, else MAX_VALUE. */
        int typos(Key target) {
            int whole = DISTANCE.apply(this.whole, target.whole);
            int core = DISTANCE.apply(this.core, target.core);
            int typos = Integer.MAX_VALUE;
            if (whole <= allowedTypos(target.whole.length())) {
                typos = whole;
            }
            if (core <= allowedTypos(target.core.length())) {
                typos = Math.min(typos, core);
            }
            return typos;
        }
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
