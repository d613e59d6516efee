package dev.drillbit.discord;

import dev.drillbit.bank.Question;
import dev.drillbit.bank.QuestionBank;
import dev.drillbit.bank.QuestionText;
import dev.drillbit.bank.RoadmapStep;
import dev.drillbit.daily.DailyAction;
import dev.drillbit.daily.DailyRun;
import dev.drillbit.daily.DailySchedule;
import dev.drillbit.daily.GroupActivity;
import dev.drillbit.daily.GroupStreak;
import dev.drillbit.daily.RunAnswer;
import dev.drillbit.daily.RunResults;
import dev.drillbit.daily.RunStatus;
import dev.drillbit.daily.WeeklyReport;
import dev.drillbit.progress.stats.Leaderboard;
import dev.drillbit.progress.stats.LeaderboardEntry;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/**
 * Renders study groups' daily quizzes: the run's announcement (with the only ping drillbit ever sends:
 * the schedule's role), one message per question with its answer buttons, each question's reveal when
 * the run closes, the results, the weekly report and {@code /daily show}. Every message sets its allowed
 * mentions explicitly. Stateless and thread-safe.
 */
final class DailyView {
    static final String PREFIX = "daily";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ENGLISH);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);
    private static final int LINES_MAX = 3800;

    private final QuestionBank bank;

    DailyView(QuestionBank bank) {
        this.bank = bank;
    }

    static ComponentId id(String runId, int position, ComponentAction action) {
        return new ComponentId(PREFIX, runId, position, action);
    }

    /** The thread a run's questions go in: one per day and channel. */
    static String threadName(LocalDate date) {
        return "Daily quiz " + date;
    }

    /** The run's announcement: pings the schedule's role, and nothing else. */
    MessageCreateData intro(DailyAction.StartRun start, boolean questionsInThread) {
        DailySchedule schedule = start.schedule();
        DailyRun run = start.run();
        StringBuilder text = new StringBuilder();
        schedule.pingRole().ifPresent(role -> text.append("<@&").append(role).append("> "));
        int n = start.questions().size();
        text.append("📚 **Daily quiz · ")
                .append(DAY.format(run.date()))
                .append("**: ")
                .append(n)
                .append(n == 1 ? " question" : " questions")
                .append(" on ")
                .append(scope(schedule))
                .append(". ")
                .append("Answer each with its buttons until ")
                .append(Style.at(run.closesAt(), "t"))
                .append(" (")
                .append(Style.relative(run.closesAt()))
                .append("); the answers and results post then.");
        if (start.late()) {
            text.append("\n⏰ Posted late: the bot was offline at ")
                    .append(schedule.time())
                    .append(" (")
                    .append(Style.zone(schedule.zone()))
                    .append("). Answers still close at the usual time.");
        }
        if (questionsInThread) {
            text.append("\nThe questions are in the thread below.");
        }
        MessageCreateBuilder message = new MessageCreateBuilder()
                .setContent(Style.cut(text.toString(), 2000))
                .setAllowedMentions(List.of());
        schedule.pingRole().ifPresent(role -> message.mentionRoles(role));
        return message.build();
    }

    private String scope(DailySchedule schedule) {
        String steps = schedule.steps().isEmpty()
                ? "the whole roadmap"
                : schedule.steps().stream()
                        .sorted()
                        .map(s -> Style.stepTitle(bank, s))
                        .collect(Collectors.joining(", "));
        String source = switch (schedule.source()) {
            case SHIPPED -> ", shipped questions only";
            case SERVER -> ", this server's own questions only";
            case BOTH -> "";
        };
        return steps + schedule.difficulty().map(d -> " (" + d.id() + ")").orElse("") + source;
    }

    private String title(DailyRun run, Question question, int position) {
        return "Question " + (position + 1) + "/" + run.questionIds().size() + " · "
                + Style.stepTitle(bank, question.step()) + " · "
                + question.difficulty().id();
    }

    /** One question of a run with its answer buttons. */
    MessageCreateData question(DailyRun run, Question question, int position) {
        String how = switch (question.type()) {
            case MULTIPLE_CHOICE -> "Pick a letter.";
            case TRUE_FALSE -> "True or false?";
            case SHORT_ANSWER -> "Press \"Type your answer\" and write a few words.";
            case OPEN -> "Think your answer through, then compare it with the model answer and grade yourself.";
        };
        EmbedBuilder embed = new EmbedBuilder()
                .setColor(Style.of(question.difficulty()))
                .setTitle(Style.cut(title(run, question, position), 256))
                .setDescription(QuestionText.body(question))
                .addField("Answers close", Style.relative(run.closesAt()), false)
                .setFooter(how + " Everyone answers once; you see your result at once, the group's when the quiz"
                        + " closes.");
        return new MessageCreateBuilder()
                .setEmbeds(embed.build())
                .setComponents(
                        ActionRow.of(QuestionView.answerButtons(question, action -> id(run.id(), position, action))))
                .setAllowedMentions(List.of())
                .build();
    }

    /** An open question's model answer and the self-grade buttons, for one member. */
    MessageCreateData modelAnswer(DailyRun run, Question.Open question, int position) {
        return QuestionView.modelAnswer(
                Style.cut(title(run, question, position), 256), question, action -> id(run.id(), position, action));
    }

    /** A question of a closed run: answer, explanation and who got it right; only "Report a problem". */
    MessageCreateData closedQuestion(DailyRun run, Question question, int position) {
        List<RunAnswer> answers =
                run.answers().stream().filter(a -> a.position() == position).toList();
        List<RevealView.Credit> right = answers.stream()
                .filter(RunAnswer::correct)
                .map(a -> new RevealView.Credit(a.userId(), a.points()))
                .toList();
        return new MessageCreateBuilder()
                .setEmbeds(RevealView.closedEmbed(
                                "Closed · " + title(run, question, position), question, right, answers.size())
                        .build())
                .setComponents(net.dv8tion.jda.api.components.actionrow.ActionRow.of(FlagView.reportButton(question)))
                .setAllowedMentions(List.of())
                .build();
    }

    /** The day's results: each member's score, each question's tally, the day's leaderboard, the streak. */
    /** The title of a run's results: with its date, so that one channel's runs are told apart. */
    static String resultsTitle(DailyRun run) {
        return "Daily quiz · " + DAY.format(run.date()) + " · results";
    }

    MessageCreateData results(DailyRun run, RunResults results, Leaderboard today, GroupStreak streak) {
        EmbedBuilder embed = new EmbedBuilder().setColor(Style.BRAND).setTitle(resultsTitle(run));
        if (results.members().isEmpty()) {
            embed.setDescription("Nobody answered this time. The answers are above; tomorrow is another day.");
        } else {
            StringBuilder lines = new StringBuilder(results.members().size()
                    + (results.members().size() == 1 ? " member answered:\n" : " members answered:\n"));
            int place = 0;
            for (RunResults.MemberResult m : results.members()) {
                String line = (++place) + ". " + Style.mention(m.userId()) + " — **" + m.points() + "** points, "
                        + m.correct() + "/" + run.questionIds().size() + " right\n";
                if (lines.length() + line.length() > LINES_MAX) {
                    lines.append("… and ")
                            .append(results.members().size() - place + 1)
                            .append(" more");
                    break;
                }
                lines.append(line);
            }
            embed.setDescription(lines.toString().strip());
        }
        String tally = results.questions().stream()
                .map(q -> "Q" + (q.position() + 1) + ": " + q.correct() + "/" + q.answered() + " right")
                .collect(Collectors.joining(" · "));
        embed.addField("Questions", Style.cut(tally.isEmpty() ? "none" : tally, 1024), false);
        embed.addField(
                "Today's leaderboard (" + Style.zone(today.zone()) + ")", Style.cut(leaders(today), 1024), false);
        embed.addField("Group streak", streakText(streak), false);
        embed.setFooter("Answers and explanations are on each question above.");
        return new MessageCreateBuilder()
                .setEmbeds(embed.build())
                .setAllowedMentions(List.of())
                .build();
    }

    private static String leaders(Leaderboard board) {
        if (board.top().isEmpty()) {
            return "Nobody has points today yet.";
        }
        StringBuilder text = new StringBuilder();
        for (LeaderboardEntry e : board.top()) {
            text.append(e.rank())
                    .append(". ")
                    .append(Style.mention(e.userId()))
                    .append(" — ")
                    .append(e.points())
                    .append(" points\n");
        }
        return text.toString().strip();
    }

    static String streakText(GroupStreak streak) {
        return streak.current() + (streak.current() == 1 ? " day" : " days") + " (best " + streak.best() + ")";
    }

    /** The weekly report: participation, top members, weakest steps and what to study next. */
    MessageCreateData report(WeeklyReport report) {
        EmbedBuilder embed = new EmbedBuilder()
                .setColor(Style.BRAND)
                .setTitle("Weekly report · " + report.from() + " to "
                        + report.to().minusDays(1));
        StringBuilder days = new StringBuilder();
        for (WeeklyReport.RunParticipation p : report.participation()) {
            days.append(p.date().getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH))
                    .append(' ')
                    .append(p.date())
                    .append(": ")
                    .append(
                            p.status() == RunStatus.FAILED
                                    ? "could not be posted"
                                    : p.members() + (p.members() == 1 ? " member" : " members"))
                    .append(p.late() ? " (late)" : "")
                    .append('\n');
        }
        embed.setDescription(
                days.length() == 0
                        ? "No daily quiz ran this week."
                        : "Participation:\n" + days.toString().strip());
        StringBuilder top = new StringBuilder();
        int place = 0;
        for (GroupActivity.MemberPoints m : report.top()) {
            top.append(++place)
                    .append(". ")
                    .append(Style.mention(m.userId()))
                    .append(" — ")
                    .append(m.points())
                    .append(" points\n");
        }
        embed.addField(
                "Top members",
                top.length() == 0 ? "Nobody scored this week." : top.toString().strip(),
                false);
        StringBuilder weak = new StringBuilder();
        for (GroupActivity.StepTally t : report.weakest()) {
            weak.append(Style.stepTitle(bank, t.step()))
                    .append(": ")
                    .append(Style.percent(t.accuracy()))
                    .append(" right of ")
                    .append(t.answered())
                    .append('\n');
        }
        embed.addField(
                "Weakest steps",
                weak.length() == 0
                        ? "No answers to rank."
                        : Style.cut(weak.toString().strip(), 1024),
                false);
        report.studyNext()
                .ifPresent(step -> embed.addField(
                        "Study next: " + Style.cut(step.title(), 200), Style.cut(studyNext(step), 1024), false));
        embed.addField("Group streak", streakText(report.streak()), false);
        return new MessageCreateBuilder()
                .setEmbeds(embed.build())
                .setAllowedMentions(List.of())
                .build();
    }

    private static String studyNext(RoadmapStep step) {
        StringBuilder text = new StringBuilder("Checkpoint: ").append(step.checkpoint());
        for (RoadmapStep.Resource r : step.resources()) {
            text.append("\n• [").append(r.title()).append("](").append(r.url()).append(')');
        }
        return text.toString();
    }

    /** One schedule for {@code /daily show}: when, what, the next run in its own zone, the streak. */
    String describe(DailySchedule schedule, Optional<Instant> next, GroupStreak streak, Optional<DailyRun> open) {
        StringBuilder text = new StringBuilder("<#")
                .append(schedule.channelId())
                .append("> · ")
                .append(days(schedule.days()))
                .append(" at ")
                .append(schedule.time())
                .append(' ')
                .append(Style.zone(schedule.zone()))
                .append('\n')
                .append(schedule.count())
                .append(schedule.count() == 1 ? " question" : " questions")
                .append(" on ")
                .append(scope(schedule))
                .append(" · answers for ")
                .append(schedule.window().toHours())
                .append(" h");
        schedule.pingRole()
                .ifPresent(role -> text.append(" · pings <@&").append(role).append('>'));
        text.append('\n');
        open.ifPresent(run -> text.append("Today's quiz is open until ")
                .append(Style.at(run.closesAt(), "t"))
                .append(" (")
                .append(Style.relative(run.closesAt()))
                .append(")\n"));
        text.append("Next run: ")
                .append(next.map(at -> WHEN.format(ZonedDateTime.ofInstant(at, schedule.zone())) + " "
                                + Style.zone(schedule.zone()) + " (" + Style.relative(at) + ")")
                        .orElse("none within a week"))
                .append('\n');
        text.append("Group streak: ")
                .append(streakText(streak))
                .append(" · counts days with ")
                .append(schedule.groupMinimum())
                .append("+ members");
        return text.toString();
    }

    static String days(Set<DayOfWeek> days) {
        if (days.size() == 7) {
            return "Every day";
        }
        if (days.equals(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY))) {
            return "Weekdays";
        }
        if (days.equals(EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY))) {
            return "Weekends";
        }
        List<String> names = new ArrayList<>();
        for (DayOfWeek d : EnumSet.copyOf(days)) {
            names.add(d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
        }
        return String.join(", ", names);
    }
}
