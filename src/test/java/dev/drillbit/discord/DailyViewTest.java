package dev.drillbit.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drillbit.bank.QuestionBank;
import dev.drillbit.bank.RoadmapStep;
import dev.drillbit.daily.DailyAction;
import dev.drillbit.daily.DailyRun;
import dev.drillbit.daily.GroupActivity;
import dev.drillbit.daily.GroupStreak;
import dev.drillbit.daily.RunResults;
import dev.drillbit.daily.RunStatus;
import dev.drillbit.daily.ScheduleId;
import dev.drillbit.daily.ScheduleInput;
import dev.drillbit.daily.ScheduleParse;
import dev.drillbit.daily.ScheduleParser;
import dev.drillbit.daily.WeeklyReport;
import dev.drillbit.progress.stats.Leaderboard;
import dev.drillbit.progress.stats.LeaderboardEntry;
import dev.drillbit.progress.stats.LeaderboardPeriod;
import dev.drillbit.testsupport.Fixtures;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The daily quiz's renderings against Discord's limits, and what they say. */
class DailyViewTest {
    private static final ScheduleId SCHEDULE = new ScheduleId(Long.MAX_VALUE, Long.MAX_VALUE - 1);
    private final QuestionBank bank = Fixtures.goodBank();
    private final DailyView view = new DailyView(bank);

    @Test
    @DisplayName("component ids stay within 100 characters even for the longest guild and channel ids")
    void componentIdsFit() {
        String runId = DailyRun.idOf(SCHEDULE, LocalDate.of(2026, 11, 23));

        assertThat(DailyView.id(runId, 19, AnswerAction.TYPE).toString())
                .hasSizeLessThanOrEqualTo(100)
                .startsWith("daily:" + runId + ":19:");
    }

    @Test
    @DisplayName("the weekly report: participation, top members, weakest steps, and the step to study with its"
            + " checkpoint and resources; nobody is pinged")
    void weeklyReport() {
        RoadmapStep sql = bank.step("internet").orElseThrow();
        WeeklyReport report = new WeeklyReport(
                SCHEDULE,
                LocalDate.of(2026, 11, 16),
                LocalDate.of(2026, 11, 23),
                List.of(
                        new WeeklyReport.RunParticipation(LocalDate.of(2026, 11, 16), "r1", 4, false, RunStatus.CLOSED),
                        new WeeklyReport.RunParticipation(LocalDate.of(2026, 11, 17), "r2", 1, true, RunStatus.CLOSED),
                        new WeeklyReport.RunParticipation(
                                LocalDate.of(2026, 11, 18), "r3", 0, false, RunStatus.FAILED)),
                List.of(new GroupActivity.MemberPoints(11, 90), new GroupActivity.MemberPoints(12, 40)),
                List.of(new GroupActivity.StepTally("internet", 10, 3)),
                Optional.of(sql),
                new GroupStreak(2, 5, Optional.of(LocalDate.of(2026, 11, 17))));

        MessageCreateData message = view.report(report);
        MessageEmbed embed = message.getEmbeds().get(0);

        assertThat(embed.getTitle()).isEqualTo("Weekly report · 2026-11-16 to 2026-11-22");
        assertThat(embed.getDescription())
                .isEqualTo("Participation:\nMon 2026-11-16: 4 members\n"
                        + "Tue 2026-11-17: 1 member (late)\nWed 2026-11-18: could not be posted");
        assertThat(field(embed, "Top members")).isEqualTo("1. <@11> — 90 points\n2. <@12> — 40 points");
        assertThat(field(embed, "Weakest steps")).isEqualTo(sql.title() + ": 30% right of 10");
        assertThat(field(embed, "Study next: " + sql.title()))
                .startsWith("Checkpoint: " + sql.checkpoint())
                .contains("• [" + sql.resources().get(0).title() + "]("
                        + sql.resources().get(0).url() + ")");
        assertThat(field(embed, "Group streak")).isEqualTo("2 days (best 5)");
        assertThat(embed.getLength()).isLessThanOrEqualTo(MessageEmbed.EMBED_MAX_LENGTH_BOT);
        assertThat(message.getAllowedMentions()).isEmpty();
    }

    @Test
    @DisplayName("results for a crowd stay within Discord's embed limits and ping nobody")
    void resultsForACrowd() {
        DailyRun run = new DailyRun(
                DailyRun.idOf(SCHEDULE, LocalDate.of(2026, 11, 23)),
                SCHEDULE,
                LocalDate.of(2026, 11, 23),
                List.of("a", "b", "c"),
                Instant.EPOCH,
                Instant.EPOCH,
                Instant.EPOCH,
                false,
                RunStatus.CLOSING,
                Optional.empty(),
                List.of());
        List<RunResults.MemberResult> members = IntStream.range(0, 500)
                .mapToObj(i -> new RunResults.MemberResult(Long.MAX_VALUE - i, 90 - i % 90, 3, 3))
                .toList();
        List<LeaderboardEntry> top = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            top.add(new LeaderboardEntry(i, Long.MAX_VALUE - i, 1000 - i));
        }
        Leaderboard today = new Leaderboard(
                SCHEDULE.guildId(),
                LeaderboardPeriod.TODAY,
                Optional.empty(),
                ZoneId.of("Europe/Berlin"),
                new LeaderboardPeriod.Window(Instant.EPOCH, Instant.EPOCH),
                500,
                top,
                Optional.empty());

        MessageCreateData message =
                view.results(run, new RunResults(run.id(), List.of(), members), today, GroupStreak.NONE);
        MessageEmbed embed = message.getEmbeds().get(0);

        assertThat(embed.getTitle()).isEqualTo("Daily quiz · Monday 23 November · results");
        assertThat(embed.getDescription())
                .startsWith("500 members answered:\n1. <@" + Long.MAX_VALUE + "> — **90**")
                .endsWith("more")
                .hasSizeLessThanOrEqualTo(MessageEmbed.DESCRIPTION_MAX_LENGTH);
        assertThat(embed.getLength()).isLessThanOrEqualTo(MessageEmbed.EMBED_MAX_LENGTH_BOT);
        assertThat(message.getAllowedMentions()).isEmpty();
    }

    @Test
    @DisplayName("a late run says so, and its announcement may ping its role and nobody else")
    void lateRunAnnouncement() {
        var schedule = ((ScheduleParse.Valid) new ScheduleParser(bank)
                        .parse(
                                ScheduleInput.of(1, 2, 3, "09:00", "Europe/Berlin")
                                        .withPingRole(77)
                                        .withSteps("sql")
                                        .withCount(1),
                                Instant.EPOCH))
                .schedule();
        DailyRun run = new DailyRun(
                "1-2-2026-11-23",
                schedule.id(),
                LocalDate.of(2026, 11, 23),
                List.of("x"),
                Instant.EPOCH,
                Instant.EPOCH,
                Instant.EPOCH,
                true,
                RunStatus.STARTING,
                Optional.empty(),
                List.of());
        var start = new DailyAction.StartRun(
                schedule,
                run,
                List.of(bank.questions().stream()
                        .filter(q -> q.step().equals("sql"))
                        .findFirst()
                        .orElseThrow()),
                true);

        MessageCreateData intro = view.intro(start, false);

        assertThat(intro.getContent())
                .startsWith("<@&77> 📚 **Daily quiz · Monday 23 November**: 1 question on"
                        + " Relational databases and SQL.")
                .contains("\n⏰ Posted late: the bot was offline at 09:00 (Europe/Berlin). Answers still close at the"
                        + " usual time.")
                .doesNotContain("thread");
        assertThat(intro.getAllowedMentions()).isEmpty();
        assertThat(intro.getMentionedRoles()).containsExactly("77");
        assertThat(intro.getMentionedUsers()).isEmpty();
    }

    @Test
    @DisplayName("timezone autocomplete: IANA ids containing what was typed, best matches first, at most 25")
    void zoneChoices() {
        assertThat(DailyCommand.zoneChoices("new y"))
                .extracting(Command.Choice::getAsString)
                .containsExactly("America/New_York");
        assertThat(DailyCommand.zoneChoices("berl"))
                .extracting(Command.Choice::getAsString)
                .contains("Europe/Berlin");
        assertThat(DailyCommand.zoneChoices("")).hasSize(25);
        assertThat(DailyCommand.zoneChoices("a"))
                .hasSize(25)
                .allSatisfy(c -> assertThat(c.getName()).hasSizeLessThanOrEqualTo(100));
        assertThat(DailyCommand.zoneChoices("europe/").get(0).getAsString()).startsWith("Europe/");
    }

    private static String field(MessageEmbed embed, String name) {
        return embed.getFields().stream()
                .filter(f -> name.equals(f.getName()))
                .map(MessageEmbed.Field::getValue)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no field " + name + " in " + embed.getFields()));
    }
}
