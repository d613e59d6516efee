package dev.drillbit.discord;

import dev.drillbit.bank.Question;
import dev.drillbit.bank.QuestionBank;
import dev.drillbit.bank.QuestionText;
import dev.drillbit.bank.QuestionType;
import dev.drillbit.interview.Asked;
import dev.drillbit.interview.InterviewReport;
import dev.drillbit.interview.QuestionResult;
import dev.drillbit.interview.Revealed;
import dev.drillbit.interview.Transcript;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.selections.SelectOption;
import net.dv8tion.jda.api.components.selections.StringSelectMenu;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.modals.Modal;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.MarkdownSanitizer;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/**
 * Renders a mock interview: the question with its time limit and "Write my answer" / "I thought it
 * through"; the model or accepted answer with what to tick (a select menu of the key points, min 1,
 * plus "Missed it" for none, since a select menu sends nothing when nothing is chosen; or "I knew it" /
 * "Missed it"); and the report with the transcript as a Markdown
 * file. Component ids are {@code iv:<session>:<position>:<action>}. Stateless and thread-safe.
 */
final class InterviewView {
    static final String PREFIX = "iv";
    static final String TEXT_INPUT = "answer";
    static final int ANSWER_MAX = 4000;
    /** The button for "none of it": no key point covered, or the short answer not known. */
    static final String MISSED = "Missed it";

    private final QuestionBank bank;

    InterviewView(QuestionBank bank) {
        this.bank = bank;
    }

    static ComponentId id(String session, int position, InterviewAction action) {
        return new ComponentId(PREFIX, session, position, action);
    }

    private String title(Question q, int position, int size) {
        return "Mock interview · Question " + (position + 1) + "/" + size + " · " + Style.stepTitle(bank, q.step())
                + " · " + q.difficulty().id();
    }

    /** A question to answer; {@code previous} is a line on how the last one went. */
    MessageCreateData question(Asked asked, Optional<String> previous) {
        Question q = asked.question();
        EmbedBuilder embed = new EmbedBuilder()
                .setColor(Style.of(q.difficulty()))
                .setTitle(title(q, asked.position(), asked.size()))
                .setDescription(QuestionText.body(q))
                .addField(
                        "Time limit",
                        seconds(asked.limit()) + " · time's up " + Style.relative(asked.deadline()),
                        false)
                .setFooter(
                        q.type() == QuestionType.OPEN
                                ? "Answer as you would out loud: write it down, or think it through, then compare."
                                : "A few words are enough: write them, or think of them, then compare.");
        MessageCreateBuilder message = new MessageCreateBuilder()
                .setEmbeds(embed.build())
                .setComponents(ActionRow.of(
                        Button.primary(
                                id(asked.sessionId(), asked.position(), InterviewAction.WRITE)
                                        .toString(),
                                "Write my answer"),
                        Button.secondary(
                                id(asked.sessionId(), asked.position(), InterviewAction.THINK)
                                        .toString(),
                                "I thought it through"),
                        Button.danger(
                                id(asked.sessionId(), asked.position(), InterviewAction.STOP)
                                        .toString(),
                                "End interview")));
        previous.ifPresent(message::setContent);
        return message.build();
    }

    static String seconds(Duration limit) {
        long s = limit.toSeconds();
        return s % 60 == 0 ? s / 60 + " min" : s + " s";
    }

    /** The modal an answer is written in. */
    static Modal answerModal(ComponentId id) {
        TextInput input = TextInput.create(TEXT_INPUT, TextInputStyle.PARAGRAPH)
                .setPlaceholder("Your answer, as you would give it in the interview")
                .setRequiredRange(1, ANSWER_MAX)
                .build();
        return Modal.create(id.with(InterviewAction.TEXT).toString(), "Your answer")
                .addComponents(Label.of("Answer", input))
                .build();
    }

    /** The answer revealed, with what to tick. */
    MessageCreateData revealed(Revealed r, int size) {
        Question q = r.question();
        EmbedBuilder embed = new EmbedBuilder()
                .setColor(Style.of(q.difficulty()))
                .setTitle(title(q, r.position(), size))
                .setDescription(QuestionText.body(q))
                .addField(
                        "Your answer" + (r.overTime() ? " (over time)" : ""),
                        r.typed()
                                .map(t -> Style.cut(MarkdownSanitizer.escape(t), 1024))
                                .orElse("Thought through without typing."),
                        false);
        List<ActionRow> rows = new ArrayList<>();
        String session = r.sessionId();
        int position = r.position();
        if (q instanceof Question.Open) {
            embed.addField("Model answer", Style.cut(r.answer(), 1024), false);
            embed.addField("Key points", Style.cut(numbered(r.checklist()), 1024), false);
            embed.setFooter("Tick the key points your answer covered (choose several), or press Missed it.");
            StringSelectMenu.Builder menu = StringSelectMenu.create(
                            id(session, position, InterviewAction.TICK).toString())
                    .setPlaceholder("The key points you covered")
                    .setRequiredRange(1, r.checklist().size());
            for (int i = 0; i < r.checklist().size(); i++) {
                menu.addOptions(
                        SelectOption.of(Style.cut((i + 1) + ". " + r.checklist().get(i), 100), String.valueOf(i + 1)));
            }
            rows.add(ActionRow.of(menu.build()));
            rows.add(ActionRow.of(
                    Button.secondary(id(session, position, InterviewAction.NONE).toString(), MISSED)));
        } else {
            embed.addField("Accepted answer", Style.cut(r.answer(), 1024), false);
            if (r.autoChecked().isPresent()) {
                embed.addField("Checked", r.autoChecked().get() ? "✅ Accepted" : "❌ Not accepted", false);
                rows.add(ActionRow.of(Button.primary(
                        id(session, position, InterviewAction.NONE).toString(),
                        position == size - 1 ? "See report" : "Next question")));
            } else {
                embed.setFooter("Did you know it?");
                rows.add(ActionRow.of(
                        Button.success(
                                id(session, position, InterviewAction.KNEW).toString(), "I knew it"),
                        Button.danger(
                                id(session, position, InterviewAction.NONE).toString(), MISSED)));
            }
        }
        embed.addField("Explanation", Style.cut(q.explanation(), 1024), false);
        RevealView.readMore(embed, q);
        return new MessageCreateBuilder()
                .setEmbeds(embed.build())
                .setComponents(rows)
                .build();
    }

    private static String numbered(List<String> points) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < points.size(); i++) {
            sb.append(i + 1).append(". ").append(points.get(i)).append('\n');
        }
        return sb.toString().strip();
    }

    /** How a graded question went, in one line. */
    static String graded(QuestionResult r, int position) {
        return "Question " + (position + 1) + ": " + Style.percent(r.score())
                + (r.addedToDeck() ? " · added to your review deck" : "");
    }

    /** The report, with the transcript attached. */
    MessageEditData report(InterviewReport report) {
        EmbedBuilder embed = new EmbedBuilder()
                .setColor(Style.BRAND)
                .setTitle("Mock interview report · " + report.level().id() + " level · "
                        + Style.percent(report.overall()))
                .setDescription(scores(report));
        if (!report.byStep().isEmpty()) {
            embed.addField("Strong", steps(report.strong(), report.byStep(), "none yet"), true);
            embed.addField("Weak", steps(report.weak(), report.byStep(), "none"), true);
        }
        embed.addField(
                "What to review",
                report.toReview().isEmpty()
                        ? "Nothing: every answer covered the essentials."
                        : Style.cut(
                                report.toReview().stream()
                                        .map(q -> "• " + Style.cut(firstLine(q.prompt()), 120))
                                        .collect(Collectors.joining("\n")),
                                1024),
                false);
        int added = report.addedToDeck().size();
        embed.addField(
                "Added to your review deck",
                added == 0
                        ? "No new cards."
                        : added + (added == 1 ? " card" : " cards") + "; they come up in /review start when due.",
                false);
        embed.setFooter("The transcript has every question, your answers and the model answers.");
        MessageEditBuilder message =
                new MessageEditBuilder().setContent("").setEmbeds(embed.build()).setComponents();
        if (!report.results().isEmpty()) {
            message.setFiles(FileUpload.fromData(
                    Transcript.markdown(report).getBytes(StandardCharsets.UTF_8), Transcript.fileName(report)));
        }
        return message.build();
    }

    private String scores(InterviewReport report) {
        if (report.results().isEmpty()) {
            return "Ended before any question was graded.";
        }
        StringBuilder sb = new StringBuilder();
        int n = 0;
        for (QuestionResult r : report.results()) {
            sb.append(++n)
                    .append(". ")
                    .append(Style.stepTitle(bank, r.question().step()))
                    .append(" · ")
                    .append(r.question().type() == QuestionType.OPEN ? "open" : "short answer")
                    .append(" · **")
                    .append(Style.percent(r.score()))
                    .append("**")
                    .append(r.overTime() ? " (over time)" : "")
                    .append('\n');
        }
        if (!report.finished()) {
            sb.append("Ended after ")
                    .append(report.results().size())
                    .append(" of ")
                    .append(report.planned())
                    .append(" questions.");
        }
        return sb.toString().strip();
    }

    private String steps(List<String> ids, Map<String, Double> byStep, String none) {
        return ids.isEmpty()
                ? none
                : Style.cut(
                        ids.stream()
                                .map(s -> Style.stepTitle(bank, s) + " " + Style.percent(byStep.get(s)))
                                .collect(Collectors.joining("\n")),
                        1024);
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
