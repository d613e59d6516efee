package dev.drillbit.discord;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.drillbit.bank.GuildBanks;
import dev.drillbit.bank.Question;
import dev.drillbit.learning.Rating;
import dev.drillbit.learning.Reviews;
import dev.drillbit.quiz.Response;
import dev.drillbit.quiz.Scoring;
import dev.drillbit.session.AnswerClaims;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.callbacks.IMessageEditCallback;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandGroupData;
import net.dv8tion.jda.api.interactions.modals.ModalMapping;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /review start}: the member's due cards one at a time, answered with the quiz's widgets (auto-graded
 * cards are rated from correctness and time, open ones by the member with Again, Hard, Good or Easy);
 * {@code /review remind on|off}: the daily reminder by direct message; {@code /review export}: the deck as
 * an Anki CSV. Everything is visible only to the member. A card's answer or rating is on disk before the
 * member sees its result: the interaction is deferred, the store's future completes, then the hook shows
 * it (as {@link QuizPlay} does for quizzes).
 *
 * <p>Discord cannot run a command that has subcommands without one, hence {@code /review start} rather
 * than a bare {@code /review}.
 *
 * <p>Thread-safe: the only mutable state is the claims on cards being answered ({@link AnswerClaims}, on
 * the injected ticker), which stop a double press from recording a card twice.
 */
final class ReviewCommand implements BotCommand {
    private static final Logger LOG = LoggerFactory.getLogger(ReviewCommand.class);
    static final String EXPORT_FILE = "drillbit-review-deck.csv";

    private final GuildBanks banks;
    private final Reviews reviews;
    private final Scoring scoring;
    private final ReviewView view;
    private final ReviewReminders reminders;
    private final Clock clock;
    private final Executor work;
    private final DurableReply durable;
    /** Cards shown and answered (or being answered), by user and shown card: one answer per showing. */
    private final AnswerClaims<String> answered;

    ReviewCommand(
            GuildBanks banks,
            Reviews reviews,
            Scoring scoring,
            ReviewView view,
            ReviewReminders reminders,
            Clock clock,
            Ticker ticker,
            Executor work,
            DurableReply durable) {
        this.banks = banks;
        this.reviews = reviews;
        this.scoring = scoring;
        this.view = view;
        this.reminders = reminders;
        this.clock = clock;
        this.answered = new AnswerClaims<>(Duration.ofMinutes(20), 100_000, ticker);
        this.work = work;
        this.durable = durable;
    }

    @Override
    public SlashCommandData data() {
        return Installs.everywhere(Commands.slash(
                        "review", "Spaced repetition: go over the questions you missed, when they are due"))
                .addSubcommands(
                        new SubcommandData("start", "Review your due cards, one at a time")
                                .addOptions(QuizOptions.sourceOption()),
                        new SubcommandData("export", "Download your review deck as a CSV file Anki imports"))
                .addSubcommandGroups(new SubcommandGroupData("remind", "A daily direct message when cards are due")
                        .addSubcommands(
                                new SubcommandData("on", "Get a direct message once a day when cards are due"),
                                new SubcommandData("off", "Stop the daily review reminder")));
    }

    @Override
    public Set<String> componentPrefixes() {
        return Set.of(ReviewView.PREFIX);
    }

    @Override
    public void onSlash(SlashCommandInteractionEvent event) {
        long guild = Place.of(event);
        long user = event.getUser().getIdLong();
        String sub = event.getSubcommandGroup() == null
                ? event.getSubcommandName()
                : event.getSubcommandGroup() + " " + event.getSubcommandName();
        switch (sub == null ? "" : sub) {
            case "start" -> {
                dev.drillbit.bank.QuestionSource source = dev.drillbit.bank.QuestionSource.fromId(
                                event.getOption(QuizOptions.SOURCE, "both", OptionMapping::getAsString))
                        .orElse(dev.drillbit.bank.QuestionSource.BOTH);
                Optional<Reviews.DueQuestion> due = reviews.next(guild, user, source);
                if (due.isPresent()) {
                    event.reply(view.card(due.get(), clock.instant(), source))
                            .setEphemeral(true)
                            .queue();
                } else {
                    event.reply(view.nothingDue(reviews.summary(guild, user), clock.instant()))
                            .setEphemeral(true)
                            .queue();
                }
            }
            case "remind on", "remind off" -> remind(event, guild, user, "remind on".equals(sub));
            case "export" -> export(event, guild, user);
            default -> event.reply(Messages.STALE_BUTTON).setEphemeral(true).queue();
        }
    }

    private void remind(SlashCommandInteractionEvent event, long guild, long user, boolean on) {
        durable.privateReply(
                event,
                "review reminder setting guild=" + guild + " user=" + user,
                () -> reviews.reminder(user, on),
                (hook, done) -> {
                    LOG.info("review reminder {} guild={} user={}", on ? "on" : "off", guild, user);
                    if (!on) {
                        hook.editOriginal("Daily review reminder off.").queue();
                        return;
                    }
                    int due = reviews.summary(guild, user).dueNow();
                    hook.editOriginal("Daily review reminder on: drillbit sends you a direct message once a day"
                                    + " when cards are due (" + due + " due now). Turn it off with /review remind off.")
                            .queue();
                    reminders.wake();
                },
                () -> "⚠️ Your reminder setting could not be saved; please try again.");
    }

    private void export(SlashCommandInteractionEvent event, long guild, long user) {
        event.deferReply(true).queue();
        InteractionHook hook = event.getHook();
        CompletableFuture.supplyAsync(
                        () -> {
                            int size = reviews.summary(guild, user).deckSize();
                            if (size == 0) {
                                return MessageEditData.fromContent(
                                        view.nothingDue(reviews.summary(guild, user), clock.instant()));
                            }
                            byte[] csv = reviews.exportCsv(guild, user).getBytes(StandardCharsets.UTF_8);
                            return new MessageEditBuilder()
                                    .setContent(
                                            "Your review deck: " + size + (size == 1 ? " card" : " cards")
                                                    + ". In Anki: File → Import, choose this file; front, back and tags are mapped for you.")
                                    .setFiles(FileUpload.fromData(csv, EXPORT_FILE))
                                    .build();
                        },
                        work)
                .whenComplete((message, failure) -> {
                    if (failure != null) {
                        LOG.error("/review export failed guild={} user={}", guild, user, failure);
                        hook.editOriginal(Messages.FAILED).queue();
                    } else {
                        hook.editOriginal(message).queue();
                    }
                });
    }

    @Override
    public void onButton(ButtonInteractionEvent event, ComponentId id) {
        long guild = Place.of(event);
        Optional<ReviewView.Shown> shown = ReviewView.Shown.of(id, guild);
        Optional<Question> question = shown.flatMap(s -> banks.forGuild(guild).question(s.questionId()));
        if (question.isEmpty()) {
            event.reply(Messages.STALE_BUTTON).setEphemeral(true).queue();
            return;
        }
        long user = event.getUser().getIdLong();
        Question q = question.get();
        Optional<ReviewAction> own = ReviewAction.of(id.action());
        Optional<AnswerAction> answer = AnswerAction.of(id.action());
        Optional<Rating> rating = own.flatMap(ReviewAction::rating);
        if (own.filter(ReviewAction.NEXT::equals).isPresent()) {
            dev.drillbit.bank.QuestionSource source = shown.get().source();
            Optional<Reviews.DueQuestion> due = reviews.next(guild, user, source);
            event.editMessage(
                            due.isPresent()
                                    ? MessageEditData.fromCreateData(view.card(due.get(), clock.instant(), source))
                                    : new MessageEditBuilder()
                                            .setContent(view.nothingDue(reviews.summary(guild, user), clock.instant()))
                                            .setEmbeds()
                                            .setComponents()
                                            .build())
                    .queue();
        } else if (answer.filter(AnswerAction.TYPE::equals).isPresent()) {
            event.replyModal(QuestionView.answerModal(id)).queue();
        } else if (answer.filter(AnswerAction.SHOW::equals).isPresent() && q instanceof Question.Open open) {
            event.editMessage(MessageEditData.fromCreateData(view.modelAnswer(open, shown.get())))
                    .queue();
        } else if (rating.isPresent() && q instanceof Question.Open) {
            rate(event, shown.get(), q, rating.get());
        } else {
            judge(event, shown.get(), q, answer.flatMap(AnswerAction::response));
        }
    }

    @Override
    public void onModal(ModalInteractionEvent event, ComponentId id) {
        ModalMapping value = event.getValue(QuestionView.TEXT_INPUT);
        long guild = Place.of(event);
        Optional<ReviewView.Shown> shown = ReviewView.Shown.of(id, guild);
        Optional<Question> question = shown.flatMap(s -> banks.forGuild(guild).question(s.questionId()));
        if (AnswerAction.of(id.action()).filter(AnswerAction.TEXT::equals).isEmpty()
                || value == null
                || question.isEmpty()) {
            event.reply(Messages.STALE_BUTTON).setEphemeral(true).queue();
            return;
        }
        judge(event, shown.get(), question.get(), Optional.of(new Response.Text(value.getAsString())));
    }

    private <E extends IReplyCallback & IMessageEditCallback> void judge(
            E event, ReviewView.Shown shown, Question question, Optional<Response> response) {
        long guild = Place.of(event);
        long user = event.getUser().getIdLong();
        String key = claim(event, user, shown);
        if (key == null) {
            return;
        }
        Duration elapsed = Duration.between(shown.at(), clock.instant());
        Optional<CompletableFuture<Reviews.Reviewed>> judged;
        try {
            judged = response.flatMap(r -> reviews.answer(
                    guild,
                    user,
                    question,
                    r,
                    elapsed.isNegative() ? Duration.ZERO : elapsed,
                    scoring.timeLimit(question)));
        } catch (RuntimeException e) {
            judged = Optional.of(CompletableFuture.failedFuture(e));
        }
        if (judged.isEmpty()) {
            answered.release(key);
            event.reply("That answer does not fit this card; use the buttons of its latest message.")
                    .setEphemeral(true)
                    .queue();
            return;
        }
        finish(
                event,
                key,
                shown,
                judged.get(),
                reviewed -> view.answered(reviewed, reviews.summary(guild, user), clock.instant(), shown));
    }

    private <E extends IReplyCallback & IMessageEditCallback> void rate(
            E event, ReviewView.Shown shown, Question question, Rating rating) {
        long guild = Place.of(event);
        long user = event.getUser().getIdLong();
        String key = claim(event, user, shown);
        if (key == null) {
            return;
        }
        CompletableFuture<?> saved;
        try {
            saved = reviews.rate(guild, user, question.id(), rating);
        } catch (RuntimeException e) {
            saved = CompletableFuture.failedFuture(e);
        }
        finish(
                event,
                key,
                shown,
                saved,
                done -> view.rated(
                        question,
                        rating,
                        reviews.cardDue(user, question.id()),
                        reviews.summary(guild, user),
                        clock.instant(),
                        shown));
    }

    /** Claims the shown card for the member (one answer per showing); null, with the member told, if taken. */
    private String claim(IReplyCallback event, long user, ReviewView.Shown shown) {
        String key = user + "/" + shown.session();
        if (!answered.claim(key)) {
            event.reply("You already answered this card; your first answer counts. /review start serves the next.")
                    .setEphemeral(true)
                    .queue();
            return null;
        }
        return key;
    }

    /**
     * Shows {@code render} of the result once {@code saved} is durable ({@link DurableReply}); a failed save
     * releases the claim so that the member can answer again, and says so.
     */
    private <E extends IReplyCallback & IMessageEditCallback, T> void finish(
            E event,
            String key,
            ReviewView.Shown shown,
            CompletableFuture<T> saved,
            Function<T, MessageCreateData> render) {
        durable.edit(
                event,
                "review guild=" + Place.describe(event) + " user="
                        + event.getUser().getId() + " card=" + shown.questionId(),
                () -> saved,
                (hook, result) -> hook.editOriginal(MessageEditData.fromCreateData(render.apply(result)))
                        .queue(),
                () -> {
                    answered.release(key);
                    return Messages.NOT_SAVED_TRY_AGAIN;
                });
    }
}
