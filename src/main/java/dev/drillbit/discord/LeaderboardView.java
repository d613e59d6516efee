package dev.drillbit.discord;

import dev.drillbit.bank.QuestionBank;
import dev.drillbit.progress.stats.Leaderboard;
import dev.drillbit.progress.stats.LeaderboardEntry;
import dev.drillbit.progress.stats.LeaderboardPeriod;
import java.util.List;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/**
 * Renders a guild's leaderboard: the top ten with mentions (which never ping: the message allows none),
 * and the asking member's own place. Stateless and thread-safe.
 */
final class LeaderboardView {
    private final QuestionBank bank;

    LeaderboardView(QuestionBank bank) {
        this.bank = bank;
    }

    MessageCreateData render(Leaderboard board) {
        String scope = board.step().map(s -> " · " + Style.stepTitle(bank, s)).orElse("");
        EmbedBuilder embed = new EmbedBuilder()
                .setColor(Style.BRAND)
                .setTitle("Leaderboard · " + periodName(board.period()) + scope);
        if (board.top().isEmpty()) {
            embed.setDescription("Nobody has points " + periodPhrase(board.period()) + " yet. Answer questions with"
                    + " /quiz start or /question to get on the board.");
        } else {
            StringBuilder lines = new StringBuilder();
            for (LeaderboardEntry entry : board.top()) {
                lines.append(line(entry)).append('\n');
            }
            embed.setDescription(lines.toString().strip());
        }
        embed.addField(
                "Your place",
                board.requester()
                        .map(me -> "#" + me.rank() + " of " + board.ranked() + " · **" + me.points() + "** points")
                        .orElse("No points " + periodPhrase(board.period()) + " yet."),
                false);
        embed.setFooter(board.ranked() + (board.ranked() == 1 ? " member" : " members") + " ranked · days in "
                + Style.zone(board.zone()) + " · weeks start on Monday");
        return new MessageCreateBuilder()
                .setEmbeds(embed.build())
                .setAllowedMentions(List.of())
                .build();
    }

    private static String line(LeaderboardEntry entry) {
        String place = switch (entry.rank()) {
            case 1 -> "🥇";
            case 2 -> "🥈";
            case 3 -> "🥉";
            default -> "**" + entry.rank() + ".**";
        };
        return place + " " + Style.mention(entry.userId()) + " — **" + entry.points() + "** points";
    }

    static String periodName(LeaderboardPeriod period) {
        return switch (period) {
            case TODAY -> "Today";
            case WEEK -> "This week";
            case MONTH -> "This month";
            case ALL_TIME -> "All time";
        };
    }

    private static String periodPhrase(LeaderboardPeriod period) {
        return switch (period) {
            case TODAY -> "today";
            case WEEK -> "this week";
            case MONTH -> "this month";
            case ALL_TIME -> "here";
        };
    }
}
