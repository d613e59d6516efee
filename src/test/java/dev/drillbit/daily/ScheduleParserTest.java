package dev.drillbit.daily;

import static dev.drillbit.daily.DailyFixtures.input;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drillbit.bank.Difficulty;
import dev.drillbit.bank.QuestionBank;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Reading a member's schedule options: defaults, accepted forms, and every refusal as a message. */
class ScheduleParserTest {
    private static final Instant NOW = Instant.parse("2026-01-05T12:00:00Z");
    private final QuestionBank bank = DailyFixtures.bank();
    private final ScheduleParser parser = new ScheduleParser(bank);

    private ScheduleParse parse(ScheduleInput in) {
        return parser.parse(in, NOW);
    }

    private DailySchedule valid(ScheduleInput in) {
        ScheduleParse parse = parse(in);
        assertThat(parse).isInstanceOf(ScheduleParse.Valid.class);
        return ((ScheduleParse.Valid) parse).schedule();
    }

    private List<InputProblem> problems(ScheduleInput in) {
        ScheduleParse parse = parse(in);
        assertThat(parse).isInstanceOf(ScheduleParse.Invalid.class);
        return ((ScheduleParse.Invalid) parse).problems();
    }

    @Test
    @DisplayName(
            "only time and zone given: every day, all steps, any difficulty, 5 questions, 12 hours, 3 members, Monday report")
    void defaults() {
        DailySchedule s = valid(input("09:00", "Europe/Berlin"));

        assertThat(s.time()).isEqualTo(LocalTime.of(9, 0));
        assertThat(s.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(s.days()).isEqualTo(EnumSet.allOf(DayOfWeek.class));
        assertThat(s.steps()).isEmpty();
        assertThat(s.difficulty()).isEmpty();
        assertThat(s.count()).isEqualTo(5);
        assertThat(s.window()).isEqualTo(Duration.ofHours(12));
        assertThat(s.groupMinimum()).isEqualTo(3);
        assertThat(s.reportDay()).contains(DayOfWeek.MONDAY);
        assertThat(s.pingRole()).isEmpty();
        assertThat(s.setBy()).isEqualTo(DailyFixtures.ADMIN);
        assertThat(s.since()).isEqualTo(NOW);
    }

    @Test
    @DisplayName("every option given is taken as written")
    void everyOption() {
        DailySchedule s = valid(input("7:05", "america/new_york")
                .withDays("mon,wed,fri")
                .withSteps("sql, caching")
                .withDifficulty("Junior")
                .withCount(10)
                .withWindowHours(3)
                .withPingRole(555)
                .withGroupMinimum(2)
                .withReportDay("fri"));

        assertThat(s.time()).isEqualTo(LocalTime.of(7, 5));
        assertThat(s.zone()).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(s.days()).containsExactlyInAnyOrder(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY);
        assertThat(s.steps()).containsExactlyInAnyOrder("sql", "caching");
        assertThat(s.difficulty()).contains(Difficulty.JUNIOR);
        assertThat(s.count()).isEqualTo(10);
        assertThat(s.window()).isEqualTo(Duration.ofHours(3));
        assertThat(s.pingRole()).hasValue(555);
        assertThat(s.groupMinimum()).isEqualTo(2);
        assertThat(s.reportDay()).contains(DayOfWeek.FRIDAY);
    }

    static Stream<Arguments> dayForms() {
        Set<DayOfWeek> weekdays = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
        return Stream.of(
                Arguments.of("mon-fri", weekdays),
                Arguments.of("weekdays", weekdays),
                Arguments.of("Monday-Friday", weekdays),
                Arguments.of("mon,wed,fri", EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY)),
                Arguments.of("mon wed fri", EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY)),
                Arguments.of("weekends", EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY)),
                Arguments.of(
                        "fri-mon",
                        EnumSet.of(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY, DayOfWeek.SUNDAY, DayOfWeek.MONDAY)),
                Arguments.of("mon-tue,thu", EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.THURSDAY)),
                Arguments.of("daily", EnumSet.allOf(DayOfWeek.class)));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @DisplayName("days: names, ranges (wrapping the week), lists and words")
    @MethodSource("dayForms")
    void days(String text, Set<DayOfWeek> expected) {
        assertThat(valid(input("09:00", "UTC").withDays(text)).days()).isEqualTo(expected);
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of(
                        input("25:00", "Europe/Berlin"),
                        "time",
                        "time \"25:00\" is not a time of day; use 24-hour HH:MM such as 09:00 or 18:30"),
                Arguments.of(
                        input("9am", "Europe/Berlin"),
                        "time",
                        "time \"9am\" is not a time of day; use 24-hour HH:MM such as 09:00 or 18:30"),
                Arguments.of(
                        input("09:00", "Berlin"),
                        "zone",
                        "unknown time zone \"Berlin\"; use an IANA name such as Europe/Berlin, America/New_York or "
                                + "Asia/Kolkata. Did you mean Europe/Berlin?"),
                Arguments.of(
                        input("09:00", "Mars/Olympus"),
                        "zone",
                        "unknown time zone \"Mars/Olympus\"; use an IANA name such as Europe/Berlin, "
                                + "America/New_York or Asia/Kolkata."),
                Arguments.of(
                        input("09:00", "+02:00"),
                        "zone",
                        "unknown time zone \"+02:00\"; use an IANA name such as Europe/Berlin, America/New_York or "
                                + "Asia/Kolkata."),
                Arguments.of(
                        input("09:00", "UTC").withDays("mon-fry"),
                        "days",
                        "days \"mon-fry\": \"mon-fry\" is not a day or range; use daily, weekdays, weekends, a range "
                                + "such as mon-fri, or a list such as mon,wed,fri"),
                Arguments.of(
                        input("09:00", "UTC").withDays(","),
                        "days",
                        "days is empty; use daily, weekdays, weekends, a range such as mon-fri, or a list such as "
                                + "mon,wed,fri"),
                Arguments.of(
                        input("09:00", "UTC").withSteps("sql,kubernetes"),
                        "steps",
                        "unknown roadmap step \"kubernetes\"; /roadmap lists the step ids"),
                Arguments.of(
                        input("09:00", "UTC").withDifficulty("expert"),
                        "difficulty",
                        "difficulty \"expert\" is not one of junior, mid, senior"),
                Arguments.of(
                        input("09:00", "UTC").withDifficulty("senior"),
                        "steps",
                        "no question matches these steps and this difficulty; widen the steps or leave out the "
                                + "difficulty"),
                Arguments.of(input("09:00", "UTC").withCount(0), "count", "count must be 1 to 20 questions, was 0"),
                Arguments.of(input("09:00", "UTC").withCount(21), "count", "count must be 1 to 20 questions, was 21"),
                Arguments.of(input("09:00", "UTC").withWindowHours(0), "window", "window must be 1 to 22 hours, was 0"),
                Arguments.of(
                        input("09:00", "UTC").withWindowHours(24), "window", "window must be 1 to 22 hours, was 24"),
                Arguments.of(
                        input("09:00", "UTC").withGroupMinimum(0),
                        "group-minimum",
                        "group-minimum must be 1 to 100 members, was 0"),
                Arguments.of(
                        input("09:00", "UTC").withReportDay("someday"),
                        "report-day",
                        "report day \"someday\" is not a weekday; use mon to sun, or off"));
    }

    @ParameterizedTest(name = "{1}: {2}")
    @DisplayName("each bad option is refused with a message naming the value and the accepted forms")
    @MethodSource("refusals")
    void refused(ScheduleInput in, String option, String message) {
        assertThat(problems(in)).containsExactly(new InputProblem(option, message));
    }

    @Test
    @DisplayName("every problem is reported at once, not only the first")
    void allProblems() {
        List<InputProblem> problems =
                problems(input("9", "Nowhere").withDays("funday").withCount(99).withSteps("nope"));

        assertThat(problems).extracting(InputProblem::option).containsExactly("time", "zone", "days", "steps", "count");
    }

    @ParameterizedTest
    @DisplayName("a report day can be switched off")
    @CsvSource({"off", "none", "OFF"})
    void reportOff(String text) {
        assertThat(valid(input("09:00", "UTC").withReportDay(text)).reportDay()).isEqualTo(Optional.empty());
    }

    @Test
    @DisplayName("unknown steps list every unknown id")
    void unknownSteps() {
        assertThat(problems(input("09:00", "UTC").withSteps("k8s, sql, helm")))
                .containsExactly(new InputProblem(
                        "steps", "unknown roadmap steps \"k8s\", \"helm\"; /roadmap lists " + "the step ids"));
    }

    @Test
    @DisplayName("the role to ping must be a real id")
    void role() {
        assertThat(problems(input("09:00", "UTC").withPingRole(0)))
                .containsExactly(new InputProblem("role", "role must be a role of this server"));
        assertThat(valid(input("09:00", "UTC").withPingRole(42)).pingRole()).hasValue(42);
    }

    @Test
    @DisplayName("count, window and group minimum at the edges of their ranges are accepted")
    void edges() {
        DailySchedule low =
                valid(input("00:00", "UTC").withCount(1).withWindowHours(1).withGroupMinimum(1));
        DailySchedule high =
                valid(input("23:59", "UTC").withCount(20).withWindowHours(22).withGroupMinimum(100));

        assertThat(List.of(low.count(), low.window().toHours(), (long) low.groupMinimum()))
                .containsExactly(1, 1L, 1L);
        assertThat(List.of(high.count(), high.window().toHours(), (long) high.groupMinimum()))
                .containsExactly(20, 22L, 100L);
    }
}
