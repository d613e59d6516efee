package dev.drillbit.discord;

import dev.drillbit.bank.Difficulty;
import dev.drillbit.bank.QuestionType;
import dev.drillbit.bank.RoadmapStep;
import dev.drillbit.packs.ServerPacks;
import dev.drillbit.packs.SuggestedQuestion;
import dev.drillbit.packs.Suggestions;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /suggest type step [difficulty]}: any member of a server with the bot suggests a question for the
 * server's packs. The options choose the form (its fields follow the type); the form is checked by
 * {@link Suggestions} as a pack question is, stored, and posted for review in the server's review channel
 * when it chose one. Thread-safe: no mutable state of its own.
 */
final class SuggestCommand implements BotCommand {
    private static final Logger LOG = LoggerFactory.getLogger(SuggestCommand.class);
    static final String TYPE = "type";
    static final String STEP = "step";
    static final String DIFFICULTY = "difficulty";

    private final Suggestions suggestions;
    private final ServerPacks packs;
    private final Executor work;

    SuggestCommand(Suggestions suggestions, ServerPacks packs, Executor work) {
        this.suggestions = suggestions;
        this.packs = packs;
        this.work = work;
    }

    @Override
    public Set<String> componentPrefixes() {
        return Set.of(SuggestionView.FORM);
    }

    @Override
    public SlashCommandData data() {
        OptionData type = new OptionData(OptionType.STRING, TYPE, "What kind of question", true);
        type.addChoice("multiple choice", QuestionType.MULTIPLE_CHOICE.id())
                .addChoice("true or false", QuestionType.TRUE_FALSE.id())
                .addChoice("short answer (typed)", QuestionType.SHORT_ANSWER.id())
                .addChoice("open (key points)", QuestionType.OPEN.id());
        OptionData difficulty = new OptionData(OptionType.STRING, DIFFICULTY, "How hard it is (default: junior)");
        Arrays.stream(Difficulty.values()).forEach(d -> difficulty.addChoice(d.id(), d.id()));
        return Installs.serverOnly(
                        Commands.slash("suggest", "Suggest a question for this server's packs; admins review it"))
                .addOptions(
                        type,
                        new OptionData(
                                        OptionType.STRING,
                                        STEP,
                                        "The roadmap step, or a new step id of this server's",
                                        true,
                                        true)
                                .setMaxLength(40),
                        difficulty);
    }

    @Override
    public void onSlash(SlashCommandInteractionEvent event) {
        if (!Place.inServerWithBot(event)) {
            event.reply(Messages.GUILD_ONLY).setEphemeral(true).queue();
            return;
        }
        Optional<QuestionType> type = QuestionType.fromId(event.getOption(TYPE, "", OptionMapping::getAsString));
        String step =
                event.getOption(STEP, "", OptionMapping::getAsString).strip().toLowerCase(Locale.ROOT);
        Difficulty difficulty = Difficulty.fromId(event.getOption(DIFFICULTY, "junior", OptionMapping::getAsString))
                .orElse(Difficulty.JUNIOR);
        if (type.isEmpty()) {
            event.reply("Choose a type from the list: multiple choice, true or false, short answer or open.")
                    .setEphemeral(true)
                    .queue();
            return;
        }
        if (!step.matches("[a-z0-9]+(-[a-z0-9]+)*") || step.length() > 40) {
            event.reply("`" + Style.cut(step.replace("`", "'"), 40) + "` is not a step id: use lower-case letters,"
                            + " digits and single hyphens (a step of the roadmap, or a new one such as"
                            + " `our-study-notes`).")
                    .setEphemeral(true)
                    .queue();
            return;
        }
        event.replyModal(SuggestionView.form(
                        SuggestionView.formId(step, type.get(), difficulty),
                        "Suggest a question",
                        type.get(),
                        Optional.empty()))
                .queue();
    }

    @Override
    public void onModal(ModalInteractionEvent event, ComponentId id) {
        Optional<QuestionType> type = SuggestionView.formType(id);
        if (!Place.inServerWithBot(event)
                || type.isEmpty()
                || SuggestionAction.of(id.action())
                        .filter(SuggestionAction.SUBMIT::equals)
                        .isEmpty()) {
            event.reply(Messages.STALE_BUTTON).setEphemeral(true).queue();
            return;
        }
        SuggestedQuestion question = SuggestionView.read(
                event,
                type.get(),
                id.session(),
                SuggestionView.formDifficulty(id).id());
        long guild = event.getGuild().getIdLong();
        long user = event.getUser().getIdLong();
        event.deferReply(true).queue();
        InteractionHook hook = event.getHook();
        CompletableFuture.supplyAsync(() -> suggestions.suggest(guild, user, question), work)
                .whenComplete((outcome, failure) -> {
                    if (failure != null) {
                        LOG.warn("/suggest failed guild={} user={}", guild, user, failure);
                        hook.editOriginal("Your suggestion could not be saved; please try again.")
                                .queue();
                        return;
                    }
                    if (outcome instanceof Suggestions.Suggested.AtCap cap) {
                        hook.editOriginal("You already have " + cap.max()
                                        + (cap.max() == 1 ? " suggestion" : " suggestions")
                                        + " waiting for review in this server, the most a member may have. Once an"
                                        + " admin approves or rejects one, suggest again.")
                                .queue();
                    } else if (outcome instanceof Suggestions.Suggested.Refused refused) {
                        hook.editOriginal(SuggestionView.problems(
                                        "Your suggestion was not saved: "
                                                + refused.problems().size()
                                                + (refused.problems().size() == 1 ? " problem" : " problems")
                                                + ". Fix "
                                                + (refused.problems().size() == 1 ? "it" : "them")
                                                + " and suggest again (the form follows drillbit's pack schema, see"
                                                + " /help).",
                                        refused.problems()))
                                .queue();
                    } else {
                        Suggestions.Suggested.Queued queued = (Suggestions.Suggested.Queued) outcome;
                        hook.editOriginal("Thanks! Your suggestion #"
                                        + queued.suggestion().id() + " for `"
                                        + queued.suggestion().step() + "` is waiting for review. You will hear"
                                        + " privately when an admin approves or rejects it.")
                                .queue();
                        queued.reviewChannel().ifPresent(channel -> post(event, channel, queued));
                    }
                });
    }

    /** Posts the new suggestion in the review channel; a channel gone or closed to the bot is only logged. */
    private static void post(ModalInteractionEvent event, long channelId, Suggestions.Suggested.Queued queued) {
        GuildMessageChannel channel = event.getGuild().getChannelById(GuildMessageChannel.class, channelId);
        if (channel == null || !channel.canTalk()) {
            LOG.info(
                    "suggestion not posted for review guild={} channel={}: the channel is gone or closed to the bot",
                    event.getGuild().getId(),
                    channelId);
            return;
        }
        channel.sendMessage(SuggestionView.review(queued.suggestion(), "A new suggestion to review:"))
                .queue(
                        sent -> {},
                        failure -> LOG.info(
                                "suggestion not posted for review guild={} channel={}: {}",
                                event.getGuild().getId(),
                                channelId,
                                failure.getMessage()));
    }

    @Override
    public void onAutocomplete(CommandAutoCompleteInteractionEvent event) {
        String typed =
                event.getFocusedOption().getValue().toLowerCase(Locale.ROOT).strip();
        List<Command.Choice> choices = event.getGuild() == null
                ? List.of()
                : packs.forGuild(event.getGuild().getIdLong()).steps().stream()
                        .map(RoadmapStep::id)
                        .filter(s -> s.contains(typed))
                        .limit(25)
                        .map(s -> new Command.Choice(s, s))
                        .toList();
        event.replyChoices(choices).queue();
    }
}
