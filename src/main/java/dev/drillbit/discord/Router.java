package dev.drillbit.discord;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.events.guild.GuildReadyEvent;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.StringSelectInteractionEvent;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.IntegrationType;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's only event listener: registers the commands and routes every interaction to its command by
 * name or component prefix. Whatever a handler throws is logged and answered with an ephemeral apology,
 * so no interaction ends in Discord's "This interaction failed". Thread-safe: immutable after
 * construction; JDA calls it from several threads at once.
 */
public final class Router extends ListenerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(Router.class);

    private final Map<String, BotCommand> byName = new HashMap<>();
    private final Map<String, BotCommand> byPrefix = new HashMap<>();
    private final Set<Long> devGuildIds;
    /** Commands registered for user installs: usable in DMs and servers without the bot. */
    private final Set<BotCommand> anywhere = new HashSet<>();

    private final DiscordMetrics metrics;

    /**
     * @param commands every command; a duplicate name or component prefix fails here, at start-up
     * @param devGuildIds guilds where commands register instantly; empty to register globally
     */
    public Router(List<BotCommand> commands, Collection<Long> devGuildIds) {
        this(commands, devGuildIds, DiscordMetrics.none());
    }

    /** As {@link #Router(List, Collection)}, counting each interaction and its reply time into {@code metrics}. */
    public Router(List<BotCommand> commands, Collection<Long> devGuildIds, DiscordMetrics metrics) {
        this.metrics = metrics;
        for (BotCommand command : commands) {
            String name = command.data().getName();
            if (command.data().getIntegrationTypes().contains(IntegrationType.USER_INSTALL)) {
                anywhere.add(command);
            }
            if (byName.putIfAbsent(name, command) != null) {
                throw new IllegalStateException("two commands are named " + name);
            }
            for (String prefix : command.componentPrefixes()) {
                if (byPrefix.putIfAbsent(prefix, command) != null) {
                    throw new IllegalStateException("two commands claim component prefix " + prefix);
                }
            }
        }
        this.devGuildIds = Set.copyOf(devGuildIds);
    }

    /** Every command's definition, as registered. */
    public List<CommandData> commandData() {
        return byName.values().stream()
                .<CommandData>map(BotCommand::data)
                .sorted(java.util.Comparator.comparing(CommandData::getName))
                .toList();
    }

    @Override
    public void onReady(ReadyEvent event) {
        if (devGuildIds.isEmpty()) {
            event.getJDA()
                    .updateCommands()
                    .addCommands(commandData())
                    .queue(
                            ok -> LOG.info("registered {} global commands", ok.size()),
                            e -> LOG.error("global command registration failed", e));
        }
    }

    @Override
    public void onGuildReady(GuildReadyEvent event) {
        Guild guild = event.getGuild();
        if (devGuildIds.contains(guild.getIdLong())) {
            guild.updateCommands()
                    .addCommands(commandData())
                    .queue(
                            ok -> LOG.info("registered {} commands in guild {}", ok.size(), guild.getId()),
                            e -> LOG.error("command registration failed in guild {}", guild.getId(), e));
        }
    }

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
        BotCommand command = byName.get(event.getName());
        if (command == null || !Place.inServerWithBot(event) && !anywhere.contains(command)) {
            // Discord offers a server-only command only in servers with the bot; this covers stale registrations
            event.reply(command == null ? Messages.STALE_BUTTON : Messages.GUILD_ONLY)
                    .setEphemeral(true)
                    .queue();
            metrics.interaction(command == null ? "unknown" : event.getName(), DiscordMetrics.REFUSED, 0);
            return;
        }
        guard(event, event.getName(), "/" + event.getFullCommandName(), () -> command.onSlash(event));
    }

    @Override
    public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
        BotCommand command = byName.get(event.getName());
        try {
            if (command != null) {
                command.onAutocomplete(event);
            } else {
                event.replyChoices().queue();
            }
        } catch (RuntimeException e) {
            LOG.error(
                    "autocomplete for /{} failed guild={} user={}",
                    event.getFullCommandName(),
                    event.getGuild() == null ? "-" : event.getGuild().getId(),
                    event.getUser().getId(),
                    e);
            if (!event.isAcknowledged()) {
                event.replyChoices().queue();
            }
        }
    }

    @Override
    public void onButtonInteraction(ButtonInteractionEvent event) {
        Optional<ComponentId> id = ComponentId.parse(event.getComponentId());
        BotCommand command = id.map(i -> byPrefix.get(i.prefix())).orElse(null);
        if (command == null) {
            event.reply(Messages.STALE_BUTTON).setEphemeral(true).queue();
            metrics.interaction("unknown", DiscordMetrics.REFUSED, 0);
            return;
        }
        guard(event, id.get().prefix(), "button " + event.getComponentId(), () -> command.onButton(event, id.get()));
    }

    @Override
    public void onStringSelectInteraction(StringSelectInteractionEvent event) {
        Optional<ComponentId> id = ComponentId.parse(event.getComponentId());
        BotCommand command = id.map(i -> byPrefix.get(i.prefix())).orElse(null);
        if (command == null) {
            event.reply(Messages.STALE_BUTTON).setEphemeral(true).queue();
            metrics.interaction("unknown", DiscordMetrics.REFUSED, 0);
            return;
        }
        guard(event, id.get().prefix(), "select " + event.getComponentId(), () -> command.onSelect(event, id.get()));
    }

    @Override
    public void onModalInteraction(ModalInteractionEvent event) {
        Optional<ComponentId> id = ComponentId.parse(event.getModalId());
        BotCommand command = id.map(i -> byPrefix.get(i.prefix())).orElse(null);
        if (command == null) {
            event.reply(Messages.STALE_BUTTON).setEphemeral(true).queue();
            metrics.interaction("unknown", DiscordMetrics.REFUSED, 0);
            return;
        }
        guard(event, id.get().prefix(), "modal " + event.getModalId(), () -> command.onModal(event, id.get()));
    }

    private void guard(IReplyCallback event, String command, String what, Runnable handler) {
        long began = System.nanoTime();
        try {
            handler.run();
            metrics.interaction(command, DiscordMetrics.OK, System.nanoTime() - began);
        } catch (RuntimeException e) {
            metrics.interaction(command, DiscordMetrics.FAILED, System.nanoTime() - began);
            LOG.error(
                    "{} failed guild={} channel={} user={}",
                    what,
                    event.getGuild() == null ? "-" : event.getGuild().getId(),
                    event.getChannelId(),
                    event.getUser().getId(),
                    e);
            if (event.isAcknowledged()) {
                event.getHook().sendMessage(Messages.FAILED).setEphemeral(true).queue();
            } else {
                event.reply(Messages.FAILED).setEphemeral(true).queue();
            }
        }
    }
}
