package dev.drillbit.discord;

import dev.drillbit.bank.Difficulty;
import dev.drillbit.bank.QuestionBank;
import dev.drillbit.progress.AnswerCsv;
import dev.drillbit.progress.AnswerEvent;
import dev.drillbit.progress.stats.Accuracy;
import dev.drillbit.progress.stats.MemberStats;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/**
 * Renders a member's figures (points, answers, accuracy overall, per difficulty and per step, streaks,
 * last activity) with the accuracy chart attached and shown in the embed, and a member's history as a
 * CSV file. Built as edits of a deferred reply. Stateless and thread-safe.
 */
final class StatsView {
    static final String CSV_NAME = "drillbit-answers.csv";

    private final QuestionBank bank;
    private final AccuracyChart chart;

    StatsView(QuestionBank bank, AccuracyChart chart) {
        this.bank = bank;
        this.chart = chart;
    }

    MessageEditData render(MemberStats stats) {
        Accuracy overall = stats.overall();
        EmbedBuilder embed = new EmbedBuilder()
                .setColor(Style.BRAND)
                .setTitle("Stats")
                .setDescription(Style.mention(stats.userId()) + " · **" + stats.points() + "** points")
                .addField("Answered", Integer.toString(stats.answered()), true)
                .addField("Accuracy", accuracy(overall), true)
                .addField("Streak", days(stats.currentStreak()) + " now · best " + days(stats.bestStreak()), true)
                .addField("Last active", Style.relative(stats.lastActive()), true)
                .addField("By difficulty", byDifficulty(stats.byDifficulty()), false)
                .addField("By step", byStep(stats.byStep()), false)
                .setImage("attachment://" + AccuracyChart.FILE_NAME);
        return new MessageEditBuilder()
                .setContent("")
                .setEmbeds(embed.build())
                .setAllowedMentions(List.of())
                .setFiles(FileUpload.fromData(chart.png(stats), AccuracyChart.FILE_NAME))
                .build();
    }

    MessageEditData nothingYet(long userId, boolean self) {
        return nothingYet(userId, self, false);
    }

    /**
     * @param outsideServers asked outside servers with the bot (DMs, a user install), where the figures are
     *     the member's own there
     */
    MessageEditData nothingYet(long userId, boolean self, boolean outsideServers) {
        String where = outsideServers ? "outside servers" : "in this server";
        return new MessageEditBuilder()
                .setAllowedMentions(List.of())
                .setContent(
                        self
                                ? "You have not answered anything " + where
                                        + " yet. Start with /quiz start or /question."
                                : Style.mention(userId) + " has not answered anything " + where + " yet.")
                .build();
    }

    MessageEditData export(List<AnswerEvent> history) {
        byte[] csv = AnswerCsv.toCsv(history).getBytes(StandardCharsets.UTF_8);
        String text = history.isEmpty()
                ? "You have no answers in this server yet; the file holds only the header row."
                : "Your " + history.size() + (history.size() == 1 ? " answer" : " answers")
                        + " in this server, oldest first, as CSV.";
        return new MessageEditBuilder()
                .setContent(text)
                .setFiles(FileUpload.fromData(csv, CSV_NAME))
                .build();
    }

    private static String accuracy(Accuracy accuracy) {
        return Style.percent(accuracy.ratio()) + " (" + accuracy.correct() + "/" + accuracy.answered() + ")";
    }

    private static String days(int days) {
        return days + (days == 1 ? " day" : " days");
    }

    private static String byDifficulty(Map<Difficulty, Accuracy> byDifficulty) {
        StringBuilder lines = new StringBuilder();
        for (Difficulty d : Difficulty.values()) {
            Accuracy a = byDifficulty.getOrDefault(d, Accuracy.NONE);
            if (a.answered() > 0) {
                lines.append(d.id()).append(": ").append(accuracy(a)).append('\n');
            }
        }
        return lines.length() == 0 ? "—" : lines.toString().strip();
    }

    private String byStep(Map<String, Accuracy> byStep) {
        StringBuilder lines = new StringBuilder();
        bank.steps().stream()
                .filter(s -> byStep.containsKey(s.id()))
                .forEach(s -> lines.append(s.title())
                        .append(": ")
                        .append(accuracy(byStep.get(s.id())))
                        .append('\n'));
        byStep.forEach((id, a) -> {
            if (bank.step(id).isEmpty()) {
                lines.append(id).append(": ").append(accuracy(a)).append('\n');
            }
        });
        return lines.length() == 0 ? "—" : Style.cut(lines.toString().strip(), 1024);
    }
}
