package dev.drillbit.bench;

import dev.drillbit.discord.ShardManagerFactory;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.events.guild.GuildReadyEvent;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/**
 * The round trip's floor: a bare JDA bot, built by the same {@link ShardManagerFactory} as drillbit, that
 * answers every interaction with an ephemeral "ok". It registers {@code /quiz start|stop [count]} so the
 * load driver can send the same commands; its reply to a command carries one button, so the driver's
 * next interaction for that member is a click, as with drillbit. Thread-safe (stateless).
 *
 * <p>{@link #main} runs it as its own process: {@code FloorBot REST_BASE_URL GATEWAY_URL}, token in
 * {@code DISCORD_TOKEN}, until killed.
 */
public final class FloorBot extends ListenerAdapter {
    static final String BUTTON = "floor:0:0:a0";

    public static void main(String[] args) throws InterruptedException {
        ShardManagerFactory.build(
                System.getenv("DISCORD_TOKEN"), Optional.of(args[0]), Optional.of(args[1]), List.of(new FloorBot()));
        new CountDownLatch(1).await();
    }

    @Override
    public void onGuildReady(GuildReadyEvent event) {
        event.getGuild()
                .updateCommands()
                .addCommands(Commands.slash("quiz", "floor")
                        .addSubcommands(
                                new SubcommandData("start", "floor")
                                        .addOption(OptionType.INTEGER, "count", "floor", false),
                                new SubcommandData("stop", "floor")))
                .queue();
    }

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
        event.reply("ok")
                .setEphemeral(true)
                .addComponents(ActionRow.of(Button.primary(BUTTON, "A")))
                .queue();
    }

    @Override
    public void onButtonInteraction(ButtonInteractionEvent event) {
        event.reply("ok").setEphemeral(true).queue();
    }

    @Override
    public void onModalInteraction(ModalInteractionEvent event) {
        event.reply("ok").setEphemeral(true).queue();
    }
}
