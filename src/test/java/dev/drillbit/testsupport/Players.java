package dev.drillbit.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drillbit.bank.Question;
import dev.drillbit.bank.QuestionBank;
import dev.drillbit.bank.QuestionText;
import dev.drillbit.discord.AnswerAction;
import dev.drillbit.discord.ComponentAction;
import dev.drillbit.discord.QuizAction;
import dev.drillbit.playground.InteractionHandle;
import dev.drillbit.playground.LocalChannel;
import dev.drillbit.playground.LocalDiscord;
import dev.drillbit.playground.LocalMember;
import dev.drillbit.playground.LocalMessage;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Members playing through the stand-in as a person would: recognising the question a message shows in
 * {@code bank} and clicking (or typing) the right or a wrong answer. For a bot in this JVM or another.
 */
public final class Players {
    private static final Pattern POINTS = Pattern.compile("\\+(\\d+) points$");
    private static final Duration TIMEOUT = BotHarness.TIMEOUT;

    private final LocalDiscord discord;
    private final QuestionBank bank;

    public Players(LocalDiscord discord, QuestionBank bank) {
        this.discord = discord;
        this.bank = bank;
    }

    /** The bank question a message shows, recognised by its embed's description. */
    public Question shown(LocalMessage message) {
        String body = message.embeds().path(0).path("description").asText();
        return bank.questions().stream()
                .filter(q -> QuestionText.body(q).equals(body))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no bank question shows as: " + body));
    }

    /** The custom id on {@code message} whose action is {@code action}. */
    public static String button(LocalMessage message, ComponentAction action) {
        return message.customIds().stream()
                .filter(id -> id.endsWith(":" + action.code()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + action + " button in " + message.customIds()));
    }

    /**
     * Answers the question {@code message} shows, right or wrong, as {@code member} would; returns the
     * interaction whose reply shows the outcome.
     */
    public InteractionHandle answer(LocalMember member, LocalMessage message, boolean right) {
        Question question = shown(message);
        if (question instanceof Question.MultipleChoice mc) {
            int choice = right ? mc.answer() : (mc.answer() + 1) % mc.options().size();
            return discord.click(member, message, button(message, AnswerAction.choice(choice)));
        }
        if (question instanceof Question.TrueFalse tf) {
            return discord.click(member, message, button(message, AnswerAction.truth(tf.answer() == right)));
        }
        if (question instanceof Question.ShortAnswer sa) {
            InteractionHandle opened = discord.click(member, message, button(message, AnswerAction.TYPE));
            JsonNode modal = opened.awaitModal(TIMEOUT);
            return discord.submitModal(
                    member,
                    opened,
                    modal.path("custom_id").asText(),
                    Map.of("answer", right ? sa.accept().get(0) : "something else entirely"));
        }
        InteractionHandle shown = discord.click(member, message, button(message, AnswerAction.SHOW));
        LocalMessage model = shown.awaitReply(TIMEOUT);
        return discord.click(member, model, button(model, right ? AnswerAction.NAILED_IT : AnswerAction.MISSED_IT));
    }

    /**
     * Plays a solo quiz of {@code rights.length} questions on {@code step} to its summary as {@code member},
     * answering each right or wrong; returns the points the reveals announced.
     */
    public int playSolo(LocalMember member, LocalChannel room, String step, boolean... rights) {
        LocalMessage message = discord.slash(member, room, "quiz start", Map.of("step", step, "count", rights.length))
                .awaitReply(TIMEOUT);
        int points = 0;
        for (boolean right : rights) {
            LocalMessage reveal = answer(member, message, right).awaitReply(TIMEOUT);
            points += points(reveal);
            message = discord.click(member, reveal, button(reveal, QuizAction.NEXT))
                    .awaitReply(TIMEOUT);
        }
        return points;
    }

    /** The points a reveal's title announces ("… +12 points"); 0 when it announces none. */
    public static int points(LocalMessage reveal) {
        Matcher m = POINTS.matcher(reveal.embeds().path(0).path("title").asText());
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }
}
