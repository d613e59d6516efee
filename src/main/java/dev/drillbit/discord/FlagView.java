package dev.drillbit.discord;

import dev.drillbit.bank.Question;
import dev.drillbit.insights.FlagReason;
import dev.drillbit.insights.QuestionFlags;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.modals.Modal;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/** "Report a problem": the button on a revealed answer, the reasons, the note form, the thanks. Stateless. */
final class FlagView {
    static final String PREFIX = "flag";
    static final String NOTE_INPUT = "note";

    private FlagView() {}

    static ComponentId id(String questionId, int position, FlagAction action) {
        return new ComponentId(PREFIX, QuestionRef.encode(questionId), position, action);
    }

    /** The button under a revealed answer. */
    static Button reportButton(Question question) {
        return Button.secondary(id(question.id(), 0, FlagAction.REPORT).toString(), "Report a problem");
    }

    /** The reasons to choose from, privately. */
    static MessageCreateData reasons(String questionId) {
        List<Button> buttons = Arrays.stream(FlagReason.values())
                .map(r -> Button.secondary(id(questionId, 0, FlagAction.of(r)).toString(), r.label()))
                .toList();
        return new MessageCreateBuilder()
                .setContent("What is wrong with this question? Your report goes to the people who look after it.")
                .setComponents(ActionRow.of(buttons))
                .build();
    }

    static String thanks(FlagReason reason, QuestionFlags.Reported reported, boolean withNote) {
        String others = reported.members() == 1
                ? "You are the first to report it."
                : reported.members() + " members have reported it.";
        String what = reported.serverQuestion()
                ? reported.paused()
                        ? " It is paused in this server until an admin looks at it (/pack flags)."
                        : " This server's admins see it with /pack flags; at " + QuestionFlags.PAUSE_AT
                                + " reports it is paused."
                : " drillbit's maintainers see reports on shipped questions.";
        return "Thanks — reported as **" + reason.label() + "**" + (withNote ? " with your note" : "") + ". " + others
                + what;
    }

    /** The thanks, with a button to add a note in one's own words. */
    static MessageCreateData thanksWithNote(String questionId, FlagReason reason, QuestionFlags.Reported reported) {
        return new MessageCreateBuilder()
                .setContent(thanks(reason, reported, false))
                .setComponents(ActionRow.of(Button.secondary(
                        id(questionId, reason.ordinal(), FlagAction.NOTE).toString(), "Add a note")))
                .build();
    }

    static Modal noteForm(ComponentId id) {
        TextInput input = TextInput.create(NOTE_INPUT, TextInputStyle.PARAGRAPH)
                .setRequiredRange(1, dev.drillbit.insights.Flag.NOTE_MAX)
                .setPlaceholder("What is wrong, and how would you fix it?")
                .build();
        return Modal.create(id.toString(), "Report a problem")
                .addComponents(Label.of("Your note", input))
                .build();
    }

    /** A server's reported questions for its admins. */
    static String tallies(List<QuestionFlags.Tally> tallies, java.util.Set<String> paused) {
        if (tallies.isEmpty()) {
            return "No question has been reported in this server.";
        }
        StringBuilder out = new StringBuilder("Reported questions (clear one with `/pack resolve question:<id>`):\n");
        for (QuestionFlags.Tally t : tallies) {
            String line = "• `" + QuestionRef.encode(t.questionId()).replace("`", "'") + "` · " + t.members()
                    + (t.members() == 1 ? " member" : " members") + " · " + reasons(t.reasons())
                    + (paused.contains(t.questionId()) ? " · **paused**" : "")
                    + t.notes().stream()
                            .limit(2)
                            .map(n -> "\n  > " + Style.cut(n.replace("\n", " "), 150))
                            .collect(Collectors.joining());
            if (out.length() + line.length() + 1 > 1900) {
                out.append("… and more");
                break;
            }
            out.append(line).append('\n');
        }
        return out.toString();
    }

    static String reasons(Map<FlagReason, Integer> reasons) {
        return reasons.entrySet().stream()
                .map(e -> e.getKey().label().toLowerCase(java.util.Locale.ROOT) + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }
}
