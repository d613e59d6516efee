package dev.drillbit.discord;

import dev.drillbit.bank.QuestionBank;
import dev.drillbit.bank.QuestionType;
import dev.drillbit.bank.RoadmapStep;
import dev.drillbit.learning.RoadmapProgress;
import java.util.Arrays;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.entities.MessageEmbed;

/**
 * Renders {@code /roadmap} for the member who asked: every step with their mastery bar and a mark where
 * the checkpoint is reached, and the recommended next step with its reason; or one step's summary,
 * concepts, checkpoint and sources with the member's mastery, questions seen and reviews due. Stateless
 * and thread-safe.
 */
final class RoadmapView {
    static final int BAR_CELLS = 10;
    static final String REACHED = "✅";

    private final QuestionBank bank;

    RoadmapView(QuestionBank bank) {
        this.bank = bank;
    }

    /** A text bar of {@value #BAR_CELLS} cells and the percentage: {@code ▰▰▰▰▰▰▱▱▱▱ 60%}. */
    static String bar(double share) {
        double clamped = Math.max(0, Math.min(1, share));
        int filled = (int) Math.round(clamped * BAR_CELLS);
        return "▰".repeat(filled) + "▱".repeat(BAR_CELLS - filled) + " " + Style.percent(clamped);
    }

    MessageEmbed all(RoadmapProgress.Report report) {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < report.steps().size(); i++) {
            RoadmapProgress.StepProgress p = report.steps().get(i);
            RoadmapStep step = p.step();
            lines.append(i + 1)
                    .append(". **")
                    .append(step.title())
                    .append("** · `")
                    .append(step.id())
                    .append("` · ")
                    .append(p.total())
                    .append(" questions\n")
                    .append(bar(p.mastery()))
                    .append(" · ")
                    .append(p.seen())
                    .append(" seen")
                    .append(p.checkpointReached() ? " · " + REACHED + " checkpoint" : "")
                    .append('\n');
        }
        EmbedBuilder embed = new EmbedBuilder()
                .setColor(Style.BRAND)
                .setTitle("The backend roadmap")
                .setDescription(Style.cut(lines.toString(), MessageEmbed.DESCRIPTION_MAX_LENGTH));
        report.next()
                .ifPresentOrElse(
                        next -> embed.addField(
                                "Next step",
                                "**" + next.step().title() + "** (`"
                                        + next.step().id() + "`): "
                                        + next.reason().text() + ". Practise it: /quiz start step:"
                                        + next.step().id(),
                                false),
                        () -> embed.addField(
                                "Next step", "Every checkpoint reached. Keep them fresh with /review start.", false));
        return embed.setFooter("Mastery: accuracy, scaled down until you have covered 60% of a step."
                        + " Details: /roadmap step:<id>")
                .build();
    }

    MessageEmbed one(RoadmapStep step, RoadmapProgress.StepProgress progress) {
        int number = bank.steps().indexOf(step) + 1;
        EmbedBuilder embed = new EmbedBuilder()
                .setColor(Style.BRAND)
                .setTitle("Step " + number + " of " + bank.steps().size() + " · " + step.title())
                .setDescription(step.summary())
                .addField("Concepts", Style.cut(String.join(" · ", step.concepts()), 1024), false)
                .addField("Checkpoint", step.checkpoint(), false);
        if (!step.resources().isEmpty()) {
            embed.addField(
                    "Read",
                    Style.cut(
                            step.resources().stream()
                                    .map(r -> "[" + r.title() + "](" + r.url() + ")")
                                    .collect(Collectors.joining("\n")),
                            1024),
                    false);
        }
        embed.addField("Questions", questions(step), false);
        embed.addField("Your progress", progress(progress), false);
        embed.setFooter("Practise it: /quiz start step:" + step.id());
        return embed.build();
    }

    private static String progress(RoadmapProgress.StepProgress p) {
        return bar(p.mastery()) + " mastery"
                + (p.checkpointReached() ? " · " + REACHED + " checkpoint reached" : "") + "\n"
                + p.seen() + " of " + p.total() + " questions seen · " + Style.percent(p.accuracy()) + " right · "
                + p.dueReviews() + (p.dueReviews() == 1 ? " review" : " reviews") + " due"
                + (p.dueReviews() > 0 ? " (/review start)" : "");
    }

    private String questions(RoadmapStep step) {
        var inStep = bank.questions().stream()
                .filter(q -> q.step().equals(step.id()))
                .toList();
        String byType = Arrays.stream(QuestionType.values())
                .map(t -> inStep.stream().filter(q -> q.type() == t).count() + " " + t.id().replace('_', ' '))
                .collect(Collectors.joining(", "));
        return inStep.size() + " (" + byType + ")";
    }
}
