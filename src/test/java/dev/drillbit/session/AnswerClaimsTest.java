package dev.drillbit.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drillbit.testsupport.ManualTime;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AnswerClaimsTest {
    private final ManualTime time = ManualTime.at("2026-11-23T09:00:00Z");
    private final AnswerClaims<String> claims = new AnswerClaims<>(Duration.ofMinutes(20), 100, time);

    @Test
    @DisplayName("GIVEN a claimed showing WHEN claimed again THEN refused")
    void firstClaimWins() {
        assertThat(claims.claim("3/card.abc")).isTrue();

        assertThat(claims.claim("3/card.abc")).isFalse();
        assertThat(claims.claim("4/card.abc")).as("another member's showing").isTrue();
    }

    @Test
    @DisplayName("GIVEN a claim whose answer was not saved WHEN released THEN the showing can be answered again")
    void releasedClaimsCanBeClaimedAgain() {
        claims.claim("3/card.abc");

        claims.release("3/card.abc");

        assertThat(claims.claim("3/card.abc")).isTrue();
    }

    @Test
    @DisplayName("GIVEN a claim WHEN its time passes on the injected ticker THEN it is forgotten")
    void claimsAreForgottenOnTheInjectedTicker() {
        claims.claim("3/card.abc");
        time.advance(Duration.ofMinutes(19));
        assertThat(claims.claim("3/card.abc")).isFalse();

        time.advance(Duration.ofMinutes(2));

        assertThat(claims.claim("3/card.abc")).isTrue();
    }
}
