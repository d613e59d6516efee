package dev.drillbit.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Set;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.requests.restaction.WebhookMessageCreateAction;
import net.dv8tion.jda.api.requests.restaction.interactions.ReplyCallbackAction;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Answers;
import org.mockito.junit.jupiter.MockitoExtension;
import org.mockito.junit.jupiter.MockitoSettings;
import org.mockito.quality.Strictness;

@ExtendWith(MockitoExtension.class)
@MockitoSettings(strictness = Strictness.LENIENT)
class RouterTest {

    /** A command whose handler throws, as a bug would. */
    private static final class Exploding implements BotCommand {
        private final String name;

        Exploding(String name) {
            this.name = name;
        }

        @Override
        public SlashCommandData data() {
            return Commands.slash(name, "explodes");
        }

        @Override
        public Set<String> componentPrefixes() {
            return Set.of(name);
        }

        @Override
        public void onSlash(SlashCommandInteractionEvent event) {
            throw new IllegalStateException("boom");
        }
    }

    private static SlashCommandInteractionEvent slash(String name, boolean acknowledged) {
        SlashCommandInteractionEvent event = mock(SlashCommandInteractionEvent.class, Answers.RETURNS_DEEP_STUBS);
        when(event.getName()).thenReturn(name);
        when(event.getFullCommandName()).thenReturn(name);
        when(event.isFromGuild()).thenReturn(true);
        when(event.isFromAttachedGuild()).thenReturn(true);
        when(event.isAcknowledged()).thenReturn(acknowledged);
        when(event.getUser()).thenReturn(mock(User.class));
        return event;
    }

    @Test
    @DisplayName("a handler that throws before replying: the member gets an ephemeral apology")
    void throwingHandlerIsAnsweredForIt() {
        SlashCommandInteractionEvent event = slash("boom", false);
        ReplyCallbackAction reply = mock(ReplyCallbackAction.class);
        when(event.reply(anyString())).thenReturn(reply);
        when(reply.setEphemeral(anyBoolean())).thenReturn(reply);

        new Router(List.of(new Exploding("boom")), List.of()).onSlashCommandInteraction(event);

        verify(event).reply(Messages.FAILED);
        verify(reply).setEphemeral(true);
        verify(reply).queue();
    }

    @Test
    @DisplayName("a handler that throws after acknowledging: the apology goes out as an ephemeral follow-up")
    void throwingAfterAcknowledgingFollowsUp() {
        SlashCommandInteractionEvent event = slash("boom", true);
        InteractionHook hook = mock(InteractionHook.class);
        WebhookMessageCreateAction<?> followUp = mock(WebhookMessageCreateAction.class, Answers.RETURNS_SELF);
        when(event.getHook()).thenReturn(hook);
        org.mockito.Mockito.doReturn(followUp).when(hook).sendMessage(anyString());

        new Router(List.of(new Exploding("boom")), List.of()).onSlashCommandInteraction(event);

        verify(hook).sendMessage(Messages.FAILED);
        verify(followUp).setEphemeral(true);
        verify(event, never()).reply(anyString());
    }

    /** A command that records whether it ran, registered for guild installs only or everywhere. */
    private static final class Counting implements BotCommand {
        private final boolean everywhere;
        int ran;

        Counting(boolean everywhere) {
            this.everywhere = everywhere;
        }

        @Override
        public SlashCommandData data() {
            SlashCommandData data = Commands.slash(everywhere ? "solo" : "board", "counts");
            return everywhere ? Installs.everywhere(data) : Installs.serverOnly(data);
        }

        @Override
        public void onSlash(SlashCommandInteractionEvent event) {
            ran++;
        }
    }

    @Test
    @DisplayName("in a DM, a server-only command is refused privately while a user-install command runs")
    void serverOnlyCommandsAreRefusedOutsideServersWithTheBot() {
        Counting board = new Counting(false);
        Counting solo = new Counting(true);
        Router router = new Router(List.of(board, solo), List.of());
        SlashCommandInteractionEvent boardInDm = slash("board", false);
        when(boardInDm.isFromGuild()).thenReturn(false);
        when(boardInDm.isFromAttachedGuild()).thenReturn(false);
        ReplyCallbackAction reply = mock(ReplyCallbackAction.class);
        when(boardInDm.reply(anyString())).thenReturn(reply);
        when(reply.setEphemeral(anyBoolean())).thenReturn(reply);
        SlashCommandInteractionEvent soloInDm = slash("solo", false);
        when(soloInDm.isFromGuild()).thenReturn(false);
        when(soloInDm.isFromAttachedGuild()).thenReturn(false);

        router.onSlashCommandInteraction(boardInDm);
        router.onSlashCommandInteraction(soloInDm);

        verify(boardInDm).reply(Messages.GUILD_ONLY);
        verify(reply).setEphemeral(true);
        org.assertj.core.api.Assertions.assertThat(board.ran).isZero();
        org.assertj.core.api.Assertions.assertThat(solo.ran).isEqualTo(1);
    }

    @Test
    void aButtonOfNoKnownFeatureIsCalledStale() {
        ButtonInteractionEvent event = mock(ButtonInteractionEvent.class);
        ReplyCallbackAction reply = mock(ReplyCallbackAction.class);
        when(event.getComponentId()).thenReturn("poll:abc:0:yes");
        when(event.reply(anyString())).thenReturn(reply);
        when(reply.setEphemeral(anyBoolean())).thenReturn(reply);

        new Router(List.of(new Exploding("boom")), List.of()).onButtonInteraction(event);

        verify(event).reply(Messages.STALE_BUTTON);
        verify(reply).queue();
    }

    @Test
    void duplicateNamesOrPrefixesFailAtStartUp() {
        assertThatThrownBy(() -> new Router(List.of(new Exploding("a"), new Exploding("a")), List.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("two commands are named a");
    }

    @Test
    void componentIdsRoundTripAndStayWithinDiscordsLimit() {
        ComponentId id = new ComponentId("quiz", "k3x9a0bc", 4, "a2");

        assertThat(id.toString()).isEqualTo("quiz:k3x9a0bc:4:a2");
        assertThat(ComponentId.parse(id.toString())).contains(id);
        assertThat(ComponentId.parse("quiz:k3x9a0bc:four:a2")).isEmpty();
        assertThat(ComponentId.parse("ping:again")).isEmpty();
        assertThatThrownBy(() -> new ComponentId("quiz", "s".repeat(90), 1, "next"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
