package dev.drillbit.discord;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which requests the wire's window counts: Discord exempts an interaction's own from the global limit. */
class WirePaceTest {
    @Test
    void anInteractionsCallbackAndItsTokensWebhookAreExempt() {
        assertThat(WirePace.exempt("/api/v10/interactions/123/abc/callback")).isTrue();
        assertThat(WirePace.exempt("/api/v10/webhooks/42/abc/messages/@original"))
                .isTrue();
    }

    @Test
    void aChannelsMessageIsCounted() {
        assertThat(WirePace.exempt("/api/v10/channels/123/messages")).isFalse();
        assertThat(WirePace.exempt("/api/v10/channels/123/messages/456/threads"))
                .isFalse();
    }
}
