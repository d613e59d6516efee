package dev.drillbit.daily;

import dev.drillbit.bank.Difficulty;
import dev.drillbit.bank.Question;
import dev.drillbit.bank.QuestionBank;
import dev.drillbit.bank.RoadmapStep;
import dev.drillbit.testsupport.ManualTime;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** A small bank of true/false questions ("answer true") and helpers shared by the daily tests. */
public final class DailyFixtures {
    public static final long GUILD = 100;
    public static final long OTHER_GUILD = 200;
    public static final long CHANNEL = 10;
    public static final long OTHER_CHANNEL = 11;
    public static final long ADMIN = 1;

    private DailyFixtures() {}

    /** Steps with this many questions each, every answer {@code true}. */
    public static QuestionBank bank(Map<String, Integer> questionsPerStep) {
        List<RoadmapStep> steps = new ArrayList<>();
        List<Question> questions = new ArrayList<>();
        questionsPerStep.forEach((step, n) -> {
            steps.add(new RoadmapStep(
                    step,
                    "Title of " + step,
                    "Summary of " + step,
                    List.of("concept"),
                    "Checkpoint of " + step,
                    List.of(new RoadmapStep.Resource("Guide to " + step, "https://example.org/" + step))));
            for (int i = 1; i <= n; i++) {
                questions.add(new Question.TrueFalse(
                        String.format("%s-%03d", step, i),
                        step,
                        Difficulty.JUNIOR,
                        "Is " + step + " " + i + " true?",
                        "Because it is.",
                        "https://docs.example.org/" + step,
                        List.of(),
                        true));
            }
        });
        return new QuestionBank(steps, questions);
    }

    public static QuestionBank bank() {
        return bank(Map.of("sql", 12, "caching", 12, "apis", 12));
    }

    public static ScheduleInput input(String time, String zone) {
        return ScheduleInput.of(GUILD, CHANNEL, ADMIN, time, zone);
    }

    public static DailySchedule schedule(QuestionBank bank, ScheduleInput input, Instant since) {
        ScheduleParse parse = new ScheduleParser(bank).parse(input, since);
        if (parse instanceof ScheduleParse.Valid valid) {
            return valid.schedule();
        }
        throw new AssertionError("invalid fixture input: " + parse);
    }

    public static DailyScheduler open(Path dir, QuestionBank bank, ManualTime time) {
        return open(dir, bank, time, null);
    }

    public static DailyScheduler open(Path dir, QuestionBank bank, ManualTime time, GroupActivity activity) {
        return DailyScheduler.open(
                dev.drillbit.storage.flatfile.FlatFileDailyRepository.open(dir),
                bank,
                activity,
                time,
                new Random(7),
                DailyScheduler.Settings.defaults());
    }

    /** A scheduler over data kept in memory: no disk; a second call with the same data is a restart. */
    public static DailyScheduler open(InMemoryDailyRepository.Data data, QuestionBank bank, ManualTime time) {
        return open(data, bank, time, null);
    }

    public static DailyScheduler open(
            InMemoryDailyRepository.Data data, QuestionBank bank, ManualTime time, GroupActivity activity) {
        return DailyScheduler.open(
                new InMemoryDailyRepository(data),
                bank,
                activity,
                time,
                new Random(7),
                DailyScheduler.Settings.defaults());
    }

    public static <T extends DailyAction> List<T> only(List<DailyAction> actions, Class<T> type) {
        return actions.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** A run of {@code schedule} on {@code date}, started at {@code at} and closing an hour later. */
    public static DailyRun run(
            DailySchedule schedule,
            java.time.LocalDate date,
            Instant at,
            List<String> questionIds,
            RunStatus status,
            RunAnswer... answers) {
        return new DailyRun(
                DailyRun.idOf(schedule.id(), date),
                schedule.id(),
                date,
                questionIds,
                at,
                at,
                at.plusSeconds(3600),
                false,
                status,
                java.util.Optional.empty(),
                List.of(answers));
    }
}
