package dev.drillbit.playground;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drillbit.testsupport.ManualTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Discord's rate limits as the stand-in keeps them, on a clock the test moves (no sleeping). */
class RateLimiterTest {
    private static final String MESSAGES = "/channels/{channel_id}/messages";
    private static final String CALLBACK = "/interactions/{interaction_id}/{interaction_token}/callback";

    private final ManualTime time = ManualTime.at("2026-12-04T09:00:00Z");
    private final RateLimiter limiter = new RateLimiter(RateLimits.discord(), time);

    private RateLimiter.Admission post(String channel) {
        return limiter.admit("POST", MESSAGES, Map.of("channel_id", channel));
    }

    @Test
    @DisplayName("a channel takes five new messages per five seconds; the sixth is a 429 for that bucket only")
    void perChannelMessageLimit() {
        // GIVEN five messages posted to one channel
        List<String> remaining = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            RateLimiter.Admission admitted = post("1");
            assertThat(admitted).isInstanceOf(RateLimiter.Admitted.class);
            remaining.add(admitted.headers().get("X-RateLimit-Remaining"));
        }
        time.advance(Duration.ofMillis(1500));

        // WHEN a sixth follows 1.5 s later, and one to another channel
        RateLimiter.Admission sixth = post("1");
        RateLimiter.Admission elsewhere = post("2");

        // THEN the headers counted down, the sixth waits out the window, the other channel has its own bucket
        assertThat(remaining).containsExactly("4", "3", "2", "1", "0");
        assertThat(sixth).isInstanceOfSatisfying(RateLimiter.Refused.class, refused -> {
            assertThat(refused.global()).isFalse();
            assertThat(refused.retryAfterSeconds()).isEqualTo(3.5);
            assertThat(refused.headers())
                    .containsEntry("Retry-After", "4")
                    .containsEntry("X-RateLimit-Scope", "user")
                    .containsEntry("X-RateLimit-Remaining", "0")
                    .containsEntry("X-RateLimit-Reset-After", "3.500")
                    .containsEntry("Via", "1.1 google");
        });
        assertThat(elsewhere).isInstanceOf(RateLimiter.Admitted.class);
        assertThat(elsewhere.headers().get("X-RateLimit-Bucket"))
                .as("one route, one hash; the channel is the major parameter")
                .isEqualTo(sixth.headers().get("X-RateLimit-Bucket"));
        assertThat(limiter.refusedByRoute()).isEqualTo(1);
    }

    @Test
    void theBucketRefillsWhenItsWindowEnds() {
        // GIVEN an emptied channel bucket
        for (int i = 0; i < 5; i++) {
            post("1");
        }
        // WHEN its five seconds pass
        time.advance(Duration.ofSeconds(5));

        // THEN it takes five again
        RateLimiter.Admission next = post("1");
        assertThat(next).isInstanceOf(RateLimiter.Admitted.class);
        assertThat(next.headers())
                .containsEntry("X-RateLimit-Remaining", "4")
                .containsEntry("X-RateLimit-Reset-After", "5.000")
                .containsEntry("X-RateLimit-Reset", String.format("%d.000", time.millis() / 1000 + 5));
    }

    @Test
    @DisplayName("the 51st request of a second is a global 429; interaction callbacks are exempt")
    void globalLimit() {
        // GIVEN fifty requests in one second, each to its own channel
        for (int i = 0; i < 50; i++) {
            assertThat(post("c" + i)).isInstanceOf(RateLimiter.Admitted.class);
        }
        time.advance(Duration.ofMillis(600));

        // WHEN a 51st follows within the second, and an interaction callback
        RateLimiter.Admission fiftyFirst = post("another");
        RateLimiter.Admission callback =
                limiter.admit("POST", CALLBACK, Map.of("interaction_id", "9", "interaction_token", "t"));

        // THEN the 51st is refused globally until the second ends; the callback goes through
        assertThat(fiftyFirst).isInstanceOfSatisfying(RateLimiter.Refused.class, refused -> {
            assertThat(refused.global()).isTrue();
            assertThat(refused.retryAfterSeconds()).isEqualTo(0.4);
            assertThat(refused.headers())
                    .containsEntry("X-RateLimit-Global", "true")
                    .containsEntry("X-RateLimit-Scope", "global")
                    .containsEntry("Retry-After", "1");
        });
        assertThat(callback).isInstanceOf(RateLimiter.Admitted.class);
        assertThat(limiter.refusedGlobally()).isEqualTo(1);

        // AND the next second takes requests again
        time.advance(Duration.ofMillis(400));
        assertThat(post("another")).isInstanceOf(RateLimiter.Admitted.class);
    }

    @Test
    void followUpsAndEditsOfOneInteractionShareItsTokensBucket() {
        // GIVEN five follow-ups through one interaction's token
        for (int i = 0; i < 5; i++) {
            limiter.admit(
                    "POST", "/webhooks/{webhook_id}/{webhook_token}", Map.of("webhook_id", "1", "webhook_token", "a"));
        }
        // WHEN it edits its original reply, and another interaction follows up
        RateLimiter.Admission edit = limiter.admit(
                "PATCH",
                "/webhooks/{webhook_id}/{webhook_token}/messages/@original",
                Map.of("webhook_id", "1", "webhook_token", "a"));
        RateLimiter.Admission other = limiter.admit(
                "POST", "/webhooks/{webhook_id}/{webhook_token}", Map.of("webhook_id", "1", "webhook_token", "b"));

        // THEN the edit waits, the other token does not
        assertThat(edit).isInstanceOf(RateLimiter.Refused.class);
        assertThat(other).isInstanceOf(RateLimiter.Admitted.class);
    }

    @Test
    @DisplayName("401, 403 and 429 count as invalid requests for ten minutes; other statuses do not")
    void invalidRequestCounter() {
        // GIVEN one answer of each kind
        for (int status : new int[] {200, 204, 400, 401, 403, 404, 429}) {
            limiter.answered(status);
        }
        int counted = limiter.invalidRequests();
        // WHEN ten minutes pass
        time.advance(Duration.ofMinutes(10));

        // THEN three counted, and none are left
        assertThat(counted).isEqualTo(3);
        assertThat(limiter.invalidRequests()).isZero();
    }

    @Test
    void offAdmitsEverythingAndKeepsReportingRoomInItsBuckets() {
        // GIVEN a stand-in with the limits off
        RateLimiter off = new RateLimiter(RateLimits.off(), time);

        // WHEN a channel gets a hundred messages at once
        List<RateLimiter.Admission> answers = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            answers.add(off.admit("POST", MESSAGES, Map.of("channel_id", "1")));
        }

        // THEN all are admitted, and the headers never tell JDA to wait
        assertThat(answers).allSatisfy(a -> {
            assertThat(a).isInstanceOf(RateLimiter.Admitted.class);
            assertThat(a.headers()).containsEntry("X-RateLimit-Remaining", "4");
        });
    }

    @Test
    void limitsReadFromTheCommandLine() {
        RateLimits changed = RateLimits.parse("global=100, messages=10/5s, routes=20/500ms");

        assertThat(RateLimits.parse("off").enabled()).isFalse();
        assertThat(RateLimits.parse("discord")).isEqualTo(RateLimits.discord());
        assertThat(changed.globalPerSecond()).isEqualTo(100);
        assertThat(changed.messagesPerChannel()).isEqualTo(new RateLimits.Window(10, Duration.ofSeconds(5)));
        assertThat(changed.otherRoutes()).isEqualTo(new RateLimits.Window(20, Duration.ofMillis(500)));
        assertThat(changed.interactionWebhooks()).isEqualTo(RateLimits.discord().interactionWebhooks());
        assertThatThrownBy(() -> RateLimits.parse("speed=3"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown rate limit speed");
        assertThatThrownBy(() -> RateLimits.parse("messages=0/5s"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("positive");
    }
}
