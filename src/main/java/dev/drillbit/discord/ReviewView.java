package dev.drillbit.discord;

import dev.drillbit.bank.Question;
import dev.drillbit.bank.QuestionBank;
import dev.drillbit.bank.QuestionSource;
import dev.drillbit.bank.QuestionText;
import dev.drillbit.learning.Rating;
import dev.drillbit.learning.Reviews;
import dev.drillbit.quiz.Scoring;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/**
 * Renders {@code /review}: a due card with the same answer widgets as a quiz question, the judged answer
 * or the open question's model answer with the four rating buttons, the rating given and when the card
 * comes back, and "nothing due". Stateless and thread-safe.
 *
 * <p>A card's component ids are {@code review:<question id>.<shown at, epoch ms in base 36>:0:<action>}:
 * the card and the instant it was shown travel with the buttons, so answering needs no session and the
 * time taken is measured from the bot's own clock.
 */
final class ReviewView {
    static final String PREFIX = "review";
    private static final DateTimeFormatter DAY_AND_TIME =
            DateTimeFormatter.ofPattern("EEE HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final QuestionBank bank;
    private final Scoring scoring;

    ReviewView(QuestionBank bank, Scoring scoring) {
        this.bank = bank;
        this.scoring = scoring;
    }

    /**
     * A shown card: which question, when it was shown, and which cards the member chose to review (their
     * {@code source}, kept for Next in the custom id's position: 0 both, as before there was a choice, 1
     * shipped, 2 the server's). A server pack's question travels in the custom id as {@code ~<author's id>}
     * (its server is the interaction's), since a namespaced id holds a colon.
     */
    record Shown(String questionId, Instant at, QuestionSource source) {
        private static final List<QuestionSource> POSITIONS =
                List.of(QuestionSource.BOTH, QuestionSource.SHIPPED, QuestionSource.SERVER);

        String session() {
            return QuestionRef.encode(questionId) + "." + Long.toString(at.toEpochMilli(), 36);
        }

        ComponentId id(ComponentAction action) {
            return new ComponentId(PREFIX, session(), POSITIONS.indexOf(source), action);
        }

        static Optional<Shown> of(ComponentId id, long guildId) {
            int dot = id.session().lastIndexOf('.');
            if (dot <= 0) {
                return Optional.empty();
            }
            String question = QuestionRef.decode(id.session().substring(0, dot), guildId);
            try {
                return Optional.of(new Shown(
                        question,
                        Instant.ofEpochMilli(Long.parseLong(id.session().substring(dot + 1), 36)),
                        id.position() >= 0 && id.position() < POSITIONS.size()
                                ? POSITIONS.get(id.position())
                                : QuestionSource.BOTH));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
    }

    /** A due card to answer, with its widgets. */
    MessageCreateData card(Reviews.DueQuestion due, Instant now, QuestionSource source) {
        Question question = due.question();
        Shown shown = new Shown(question.id(), now, source);
        EmbedBuilder embed = new EmbedBuilder()
                .setColor(Style.of(question.difficulty()))
                .setTitle(title(question))
                .setDescription(QuestionText.body(question))
                .setFooter("Card 1 of " + due.dueNow() + " due · " + QuestionView.how(question));
        return new MessageCreateBuilder()
                .setEmbeds(embed.build())
                .setComponents(ActionRow.of(QuestionView.answerButtons(question, shown::id)))
                .build();
    }

    private String title(Question question) {
        return "Review · " + Style.stepTitle(bank, question.step()) + " · "
                + question.difficulty().id() + " · "
                + scoring.timeLimit(question).toSeconds() + " s";
    }

    /** An open card's model answer and key points, and Again, Hard, Good, Easy. */
    MessageCreateData modelAnswer(Question.Open question, Shown shown) {
        EmbedBuilder embed = new EmbedBuilder()
                .setColor(Style.of(question.difficulty()))
                .setTitle(title(question))
                .setDescription(QuestionText.body(question))
                .addField("Model answer", question.modelAnswer(), false)
                .addField("Key points", QuestionText.keyPoints(question.keyPoints()), false)
                .addField(QuestionText.READ_MORE, QuestionText.readMore(question), false)
                .setFooter("How well did you recall it? Again: it did not come · Hard: with real effort · Good:"
                        + " after a moment · Easy: at once");
        return new MessageCreateBuilder()
                .setEmbeds(embed.build())
                .setComponents(ActionRow.of(
                        Button.danger(shown.id(ReviewAction.AGAIN).toString(), "Again"),
                        Button.secondary(shown.id(ReviewAction.HARD).toString(), "Hard"),
                        Button.primary(shown.id(ReviewAction.GOOD).toString(), "Good"),
                        Button.success(shown.id(ReviewAction.EASY).toString(), "Easy")))
                .build();
    }

    /** An auto-graded card answered: the judged answer, its rating, and what comes next. */
    MessageCreateData answered(Reviews.Reviewed reviewed, Reviews.Summary after, Instant now, Shown shown) {
        EmbedBuilder embed = RevealView.answerEmbed(reviewed.answered(), " · rated " + label(reviewed.rating()));
        return next(embed, reviewed.due(), after, now, shown);
    }

    /** An open card rated by the member. */
    MessageCreateData rated(
            Question question, Rating rating, Optional<Instant> due, Reviews.Summary after, Instant now, Shown shown) {
        EmbedBuilder embed = new EmbedBuilder()
                .setColor(rating == Rating.AGAIN ? Style.WRONG : Style.RIGHT)
                .setTitle("Rated " + label(rating))
                .setDescription(QuestionText.body(question));
        return next(embed, due, after, now, shown);
    }

    private MessageCreateData next(
            EmbedBuilder embed, Optional<Instant> due, Reviews.Summary after, Instant now, Shown shown) {
        due.ifPresent(d -> embed.addField("This card comes back", when(d, now), false));
        MessageCreateBuilder message = new MessageCreateBuilder();
        if (after.dueNow() > 0) {
            embed.setFooter(after.dueNow() + (after.dueNow() == 1 ? " more card is" : " more cards are") + " due.");
            message.setComponents(
                    ActionRow.of(Button.primary(shown.id(ReviewAction.NEXT).toString(), "Next card")));
        } else {
            embed.setFooter("That was the last card due. " + nextCard(after, now));
        }
        return message.setEmbeds(embed.build()).build();
    }

    /** When nothing is due: when the next card is, or that the deck is empty. */
    String nothingDue(Reviews.Summary summary, Instant now) {
        if (summary.deckSize() == 0) {
            return "Your review deck is empty. Questions you miss in quizzes, /question and /interview join it,"
                    + " and come back here when they are due.";
        }
        return "Nothing due. " + nextCard(summary, now);
    }

    private static String nextCard(Reviews.Summary summary, Instant now) {
        return summary.nextDue().map(d -> "Next card: " + when(d, now) + ".").orElse("Your deck is empty.");
    }

    static String label(Rating rating) {
        String name = rating.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** "now", or "in 5 minutes (Mon 09:05 UTC)", "in 3 hours (…)", "in 2 days (Tue 09:00 UTC)". */
    static String when(Instant at, Instant now) {
        if (!at.isAfter(now)) {
            return "now";
        }
        Duration left = Duration.between(now, at);
        String in;
        if (left.toMinutes() < 60) {
            in = count(Math.max(1, left.toMinutes()), "minute");
        } else if (left.toHours() < 24) {
            in = count(left.toHours(), "hour");
        } else {
            in = count(Math.round(left.toHours() / 24.0), "day");
        }
        return "in " + in + " (" + DAY_AND_TIME.format(at) + ")";
    }

    private static String count(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }

    /** The reminder a person gets by direct message: one a day, for their one deck. */
    static String reminder(int due) {
        List<String> parts = new ArrayList<>();
        parts.add("📚 You have " + count(due, "review card") + " due.");
        parts.add("Run `/review start` here or in any server with drillbit to go through them; "
                + "`/review remind off` stops these messages.");
        return String.join(" ", parts);
    }
}
