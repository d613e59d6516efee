package dev.drillbit.daily;

import dev.drillbit.bank.Difficulty;
import dev.drillbit.bank.QuestionBank;
import dev.drillbit.bank.QuestionFilter;
import dev.drillbit.bank.QuestionSource;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads a member's schedule input into a {@link DailySchedule}, collecting every problem as a value
 * (the adapter shows them ephemerally); never throws on bad input. Thread-safe.
 *
 * <p>Defaults: every day, every step, any difficulty, {@value #DEFAULT_COUNT} questions, a
 * {@value #DEFAULT_WINDOW_HOURS}-hour window, a group streak day needs {@value #DEFAULT_GROUP_MINIMUM}
 * members, weekly report on Monday.
 */
public final class ScheduleParser {
    public static final int DEFAULT_COUNT = 5;
    public static final int MIN_COUNT = 1;
    public static final int MAX_COUNT = 20;
    public static final int DEFAULT_WINDOW_HOURS = 12;
    public static final int MIN_WINDOW_HOURS = 1;
    /** Below a day so that one schedule's runs never overlap, even on a 23-hour clock-change day. */
    public static final int MAX_WINDOW_HOURS = 22;

    public static final int DEFAULT_GROUP_MINIMUM = 3;
    public static final int MAX_GROUP_MINIMUM = 100;

    private static final Pattern TIME = Pattern.compile("(\\d{1,2}):(\\d{2})");
    private static final Map<String, DayOfWeek> DAY_NAMES = Map.ofEntries(
            Map.entry("mon", DayOfWeek.MONDAY),
            Map.entry("monday", DayOfWeek.MONDAY),
            Map.entry("tue", DayOfWeek.TUESDAY),
            Map.entry("tues", DayOfWeek.TUESDAY),
            Map.entry("tuesday", DayOfWeek.TUESDAY),
            Map.entry("wed", DayOfWeek.WEDNESDAY),
            Map.entry("wednesday", DayOfWeek.WEDNESDAY),
            Map.entry("thu", DayOfWeek.THURSDAY),
            Map.entry("thur", DayOfWeek.THURSDAY),
            Map.entry("thurs", DayOfWeek.THURSDAY),
            Map.entry("thursday", DayOfWeek.THURSDAY),
            Map.entry("fri", DayOfWeek.FRIDAY),
            Map.entry("friday", DayOfWeek.FRIDAY),
            Map.entry("sat", DayOfWeek.SATURDAY),
            Map.entry("saturday", DayOfWeek.SATURDAY),
            Map.entry("sun", DayOfWeek.SUNDAY),
            Map.entry("sunday", DayOfWeek.SUNDAY));
    private static final String DAYS_HELP =
            "use daily, weekdays, weekends, a range such as mon-fri, or a list such " + "as mon,wed,fri";

    private final QuestionBank bank;

    public ScheduleParser(QuestionBank bank) {
        this.bank = bank;
    }

    /** Reads {@code input}; {@code now} becomes the schedule's {@code since}. */
    public ScheduleParse parse(ScheduleInput input, Instant now) {
        List<InputProblem> problems = new ArrayList<>();
        Optional<LocalTime> time = time(input.time(), problems);
        Optional<ZoneId> zone = zone(input.zone(), problems);
        Set<DayOfWeek> days = input.days().map(d -> days(d, problems)).orElse(EnumSet.allOf(DayOfWeek.class));
        Set<String> steps = input.steps().map(s -> steps(s, problems)).orElse(Set.of());
        Optional<Difficulty> difficulty = input.difficulty().flatMap(d -> difficulty(d, problems));
        int count = input.count().orElse(DEFAULT_COUNT);
        range("count", count, MIN_COUNT, MAX_COUNT, "questions", problems);
        int window = input.windowHours().orElse(DEFAULT_WINDOW_HOURS);
        range("window", window, MIN_WINDOW_HOURS, MAX_WINDOW_HOURS, "hours", problems);
        int groupMinimum = input.groupMinimum().orElse(DEFAULT_GROUP_MINIMUM);
        range("group-minimum", groupMinimum, 1, MAX_GROUP_MINIMUM, "members", problems);
        Optional<DayOfWeek> reportDay = input.reportDay().isEmpty()
                ? Optional.of(DayOfWeek.MONDAY)
                : reportDay(input.reportDay().get(), problems);
        QuestionSource source = QuestionSource.BOTH;
        if (input.source().isPresent()) {
            Optional<QuestionSource> parsed =
                    QuestionSource.fromId(input.source().get().strip().toLowerCase(Locale.ROOT));
            if (parsed.isEmpty()) {
                problems.add(new InputProblem(
                        "source",
                        "source \"" + input.source().get().strip() + "\" is not one of shipped, server, both"));
            } else {
                source = parsed.get();
            }
        }
        if (input.pingRole().isPresent() && input.pingRole().get() <= 0) {
            problems.add(new InputProblem("role", "role must be a role of this server"));
        }
        if (problems.isEmpty()
                && bank.questions(QuestionFilter.ANY
                                .withSteps(steps)
                                .withDifficulty(difficulty)
                                .withSource(source))
                        .isEmpty()) {
            problems.add(new InputProblem(
                    "steps",
                    source == QuestionSource.SERVER
                            ? "no question of this server's packs matches these steps and this difficulty; "
                                    + "import a pack with /pack import, or widen the choice"
                            : "no question matches these steps and this difficulty; "
                                    + "widen the steps or leave out the difficulty"));
        }
        if (!problems.isEmpty()) {
            return new ScheduleParse.Invalid(problems);
        }
        return new ScheduleParse.Valid(new DailySchedule(
                new ScheduleId(input.guildId(), input.channelId()),
                time.orElseThrow(),
                zone.orElseThrow(),
                days,
                steps,
                difficulty,
                count,
                input.pingRole().map(OptionalLong::of).orElse(OptionalLong.empty()),
                Duration.ofHours(window),
                groupMinimum,
                reportDay,
                input.setBy(),
                now,
                source));
    }

    static Optional<LocalTime> time(String text, List<InputProblem> problems) {
        Matcher m = TIME.matcher(text.strip());
        if (m.matches()) {
            int hour = Integer.parseInt(m.group(1));
            int minute = Integer.parseInt(m.group(2));
            if (hour < 24 && minute < 60) {
                return Optional.of(LocalTime.of(hour, minute));
            }
        }
        problems.add(new InputProblem(
                "time",
                "time \"" + text.strip() + "\" is not a time of day; use 24-hour " + "HH:MM such as 09:00 or 18:30"));
        return Optional.empty();
    }

    static Optional<ZoneId> zone(String text, List<InputProblem> problems) {
        String wanted = text.strip();
        Set<String> known = ZoneId.getAvailableZoneIds();
        Optional<String> match = known.stream()
                .filter(id -> id.equalsIgnoreCase(wanted))
                .filter(id -> id.contains("/") || id.equals("UTC"))
                .findFirst();
        if (match.isPresent()) {
            try {
                return Optional.of(ZoneId.of(match.get()));
            } catch (DateTimeException e) {
                // fall through to the problem below
            }
        }
        String suffix = "/" + wanted.toLowerCase(Locale.ROOT).replace(' ', '_');
        List<String> like = new TreeSet<>(known)
                .stream()
                        .filter(id ->
                                !wanted.isEmpty() && id.toLowerCase(Locale.ROOT).endsWith(suffix))
                        .limit(3)
                        .toList();
        String hint = like.isEmpty() ? "" : " Did you mean " + String.join(" or ", like) + "?";
        problems.add(new InputProblem(
                "zone",
                "unknown time zone \"" + wanted + "\"; use an IANA name such as "
                        + "Europe/Berlin, America/New_York or Asia/Kolkata." + hint));
        return Optional.empty();
    }

    static Set<DayOfWeek> days(String text, List<InputProblem> problems) {
        String spec = text.strip().toLowerCase(Locale.ROOT);
        switch (spec) {
            case "daily", "every day", "everyday", "all" -> {
                return EnumSet.allOf(DayOfWeek.class);
            }
            case "weekdays" -> {
                return EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
            }
            case "weekends", "weekend" -> {
                return EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
            }
            default -> {
                // a list of days and ranges below
            }
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        List<String> unknown = new ArrayList<>();
        for (String part : spec.split("[,\\s]+")) {
            if (part.isEmpty()) {
                continue;
            }
            String[] ends = part.split("-", -1);
            if (ends.length > 2) {
                unknown.add(part);
                continue;
            }
            DayOfWeek from = DAY_NAMES.get(ends[0]);
            DayOfWeek to = ends.length == 2 ? DAY_NAMES.get(ends[1]) : from;
            if (from == null || to == null) {
                unknown.add(part);
                continue;
            }
            // a range may wrap the week: fri-mon is Friday to Monday
            for (DayOfWeek d = from; ; d = d.plus(1)) {
                days.add(d);
                if (d == to) {
                    break;
                }
            }
        }
        if (!unknown.isEmpty()) {
            problems.add(new InputProblem(
                    "days",
                    "days \"" + text.strip() + "\": "
                            + unknown.stream().map(u -> "\"" + u + "\"").collect(Collectors.joining(", "))
                            + " is not a day or range; " + DAYS_HELP));
        } else if (days.isEmpty()) {
            problems.add(new InputProblem("days", "days is empty; " + DAYS_HELP));
        }
        return days.isEmpty() ? EnumSet.allOf(DayOfWeek.class) : days;
    }

    private Set<String> steps(String text, List<InputProblem> problems) {
        Set<String> steps = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String part : text.split("[,\\s]+")) {
            String id = part.strip().toLowerCase(Locale.ROOT);
            if (id.isEmpty()) {
                continue;
            }
            if (bank.step(id).isPresent()) {
                steps.add(id);
            } else {
                unknown.add(id);
            }
        }
        if (!unknown.isEmpty()) {
            problems.add(new InputProblem(
                    "steps",
                    "unknown roadmap step" + (unknown.size() > 1 ? "s " : " ")
                            + unknown.stream().map(u -> "\"" + u + "\"").collect(Collectors.joining(", "))
                            + "; /roadmap lists the step ids"));
        }
        return steps;
    }

    private static Optional<Difficulty> difficulty(String text, List<InputProblem> problems) {
        Optional<Difficulty> d = Difficulty.fromId(text.strip().toLowerCase(Locale.ROOT));
        if (d.isEmpty()) {
            problems.add(new InputProblem(
                    "difficulty", "difficulty \"" + text.strip() + "\" is not one of junior, " + "mid, senior"));
        }
        return d;
    }

    private static Optional<DayOfWeek> reportDay(String text, List<InputProblem> problems) {
        String spec = text.strip().toLowerCase(Locale.ROOT);
        if (spec.equals("off") || spec.equals("none")) {
            return Optional.empty();
        }
        DayOfWeek day = DAY_NAMES.get(spec);
        if (day == null) {
            problems.add(new InputProblem(
                    "report-day", "report day \"" + text.strip() + "\" is not a weekday; use " + "mon to sun, or off"));
            return Optional.of(DayOfWeek.MONDAY);
        }
        return Optional.of(day);
    }

    private static void range(String option, int value, int min, int max, String unit, List<InputProblem> problems) {
        if (value < min || value > max) {
            problems.add(new InputProblem(
                    option, option + " must be " + min + " to " + max + " " + unit + ", was " + value));
        }
    }
}
