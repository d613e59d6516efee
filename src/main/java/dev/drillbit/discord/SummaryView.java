package dev.drillbit.discord;

import dev.drillbit.bank.QuestionBank;
import dev.drillbit.quiz.EndReason;
import dev.drillbit.quiz.QuizSummary;
import dev.drillbit.quiz.Standing;
import java.util.List;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/** Renders the end of a quiz: score, accuracy and the steps to revisit; for groups, the standings. */
final class SummaryView {
    private static final int STANDINGS_SHOWN = 10;

    private final QuestionBank bank;

    SummaryView(QuestionBank bank) {
        this.bank = bank;
    }

    MessageCreateData render(QuizSummary summary) {
        EmbedBuilder embed = new EmbedBuilder().setColor(Style.BRAND).setTitle(title(summary));
        if (summary.owner().isGroup()) {
            group(embed, summary);
        } else {
            Standing me = summary.standings().isEmpty()
                    ? new Standing(summary.owner().userId(), 0, 0, 0, List.of())
                    : summary.standings().get(0);
            embed.setDescription("**" + me.points() + " points** · " + me.correct() + " of " + me.answered()
                    + " right (" + Style.percent(me.accuracy()) + ")");
            embed.addField("Steps to revisit", revisit(me), false);
        }
        embed.setFooter("Start another with /quiz start · see the steps with /roadmap");
        return new MessageCreateBuilder().setEmbeds(embed.build()).build();
    }

    private static String title(QuizSummary summary) {
        String shown = summary.questionsShown() + " of " + summary.questionsTotal() + " questions";
        return switch (summary.reason() == null ? EndReason.FINISHED : summary.reason()) {
            case FINISHED -> "Quiz finished · " + shown;
            case STOPPED -> "Quiz stopped · " + shown;
            case EXPIRED, EVICTED -> "Quiz ended after a long pause · " + shown;
        };
    }

    private void group(EmbedBuilder embed, QuizSummary summary) {
        List<Standing> standings = summary.standings();
        if (standings.isEmpty()) {
            embed.setDescription("Nobody answered this time.");
            return;
        }
        StringBuilder table = new StringBuilder();
        for (int i = 0; i < Math.min(STANDINGS_SHOWN, standings.size()); i++) {
            Standing s = standings.get(i);
            table.append(i + 1)
                    .append(". ")
                    .append(Style.mention(s.userId()))
                    .append(" — **")
                    .append(s.points())
                    .append("** points, ")
                    .append(s.correct())
                    .append('/')
                    .append(s.answered())
                    .append(" right\n");
        }
        if (standings.size() > STANDINGS_SHOWN) {
            table.append("…and ").append(standings.size() - STANDINGS_SHOWN).append(" more");
        }
        embed.setDescription(table.toString());
        List<String> steps = standings.stream()
                .flatMap(s -> s.missedSteps().stream())
                .distinct()
                .toList();
        embed.addField("Steps the group should revisit", steps.isEmpty() ? "None — well done." : titles(steps), false);
    }

    private String revisit(Standing standing) {
        return standing.missedSteps().isEmpty() ? "None — well done." : titles(standing.missedSteps());
    }

    private String titles(List<String> steps) {
        return Style.cut(steps.stream().map(s -> Style.stepTitle(bank, s)).collect(Collectors.joining(", ")), 1024);
    }
}
