package dev.drillbit.playground;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drillbit.testsupport.LogCapture;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The stand-in's REST edge without a bot: refusals are Discord-shaped, logged, and never crash it. */
class LocalDiscordRestTest {
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private LocalDiscord discord;
    private LogCapture log;

    @BeforeEach
    void start() {
        log = LogCapture.attach("dev.drillbit.playground", Level.WARN);
        discord = LocalDiscord.start();
    }

    @AfterEach
    void stop() {
        discord.close();
        log.close();
    }

    @Test
    void unknownRouteIsA404WithDiscordsErrorShapeAndAWarning() throws Exception {
        HttpResponse<String> response = send("GET", "guilds/1/audit-logs", null);

        assertThat(response.statusCode()).isEqualTo(404);
        JsonNode error = json.readTree(response.body());
        assertThat(error.path("message").asText()).isEqualTo("404: Not Found");
        assertThat(error.path("code").asInt()).isZero();
        assertThat(response.headers().firstValue("X-RateLimit-Bucket")).isPresent();
        assertThat(log.lines()).anySatisfy(line -> assertThat(line).contains("unknown route GET /guilds/1/audit-logs"));
        assertThat(discord.requests())
                .singleElement()
                .satisfies(r -> assertThat(r.route()).isEmpty());
    }

    @Test
    @DisplayName("the sixth message to a channel within five seconds is Discord's 429, with its body and headers")
    void sixthMessageToAChannelIsRateLimited() throws Exception {
        // GIVEN a channel that took five messages
        LocalGuild guild = discord.guild("Busy");
        LocalChannel room = discord.channel(guild, "room");
        String path = "channels/" + room.idString() + "/messages";
        for (int i = 0; i < 5; i++) {
            assertThat(send("POST", path, "{\"content\":\"m" + i + "\"}").statusCode())
                    .isEqualTo(200);
        }

        // WHEN a sixth follows at once
        HttpResponse<String> response = send("POST", path, "{\"content\":\"one too many\"}");

        // THEN it is refused as Discord refuses it, counted as invalid, and not stored
        assertThat(response.statusCode()).isEqualTo(429);
        JsonNode body = json.readTree(response.body());
        assertThat(body.path("message").asText()).isEqualTo("You are being rate limited.");
        assertThat(body.path("retry_after").asDouble()).isPositive().isLessThanOrEqualTo(5.0);
        assertThat(body.path("global").asBoolean(true)).isFalse();
        assertThat(response.headers().firstValue("X-RateLimit-Scope")).hasValue("user");
        assertThat(response.headers().firstValue("X-RateLimit-Remaining")).hasValue("0");
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        assertThat(response.headers().firstValue("Via")).isPresent();
        assertThat(discord.messages(room)).hasSize(5);
        assertThat(discord.rateLimited())
                .singleElement()
                .satisfies(r -> assertThat(r.path()).endsWith("/messages"));
        assertThat(discord.invalidRequests()).isEqualTo(1);
    }

    @Test
    void callbackForAnUnknownInteractionIs10062() throws Exception {
        HttpResponse<String> response =
                send("POST", "interactions/1/nope/callback", "{\"type\":4,\"data\":{\"content\":\"x\"}}");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json.readTree(response.body()).path("code").asInt()).isEqualTo(10062);
    }

    @Test
    void recordsBodiesWithoutTheAuthorizationHeader() throws Exception {
        LocalGuild guild = discord.guild("g");
        LocalChannel channel = discord.channel(guild, "general");

        HttpResponse<String> response =
                send("POST", "channels/" + channel.idString() + "/messages", "{\"content\":\"hi\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json.readTree(response.body()).path("author").path("id").asText())
                .isEqualTo(discord.botUser().idString());
        RecordedRequest request = discord.requests().get(0);
        assertThat(request.route()).contains("/channels/{channel_id}/messages");
        assertThat(request.headers()).doesNotContainKey("authorization");
        assertThat(request.body().orElseThrow().path("content").asText()).isEqualTo("hi");
        assertThat(discord.messages(channel)).extracting(LocalMessage::content).containsExactly("hi");
    }

    @Test
    void listsAChannelsMessagesNewestFirstWithinTheLimit() throws Exception {
        LocalGuild guild = discord.guild("g");
        LocalChannel channel = discord.channel(guild, "general");
        for (String text : new String[] {"one", "two", "three"}) {
            send("POST", "channels/" + channel.idString() + "/messages", "{\"content\":\"" + text + "\"}");
        }
        String first = discord.messages(channel).get(0).json().path("id").asText();

        JsonNode newest = json.readTree(send("GET", "channels/" + channel.idString() + "/messages?limit=2", null)
                .body());
        JsonNode after = json.readTree(send("GET", "channels/" + channel.idString() + "/messages?after=" + first, null)
                .body());

        assertThat(newest).extracting(m -> m.path("content").asText()).containsExactly("three", "two");
        assertThat(after).extracting(m -> m.path("content").asText()).containsExactly("three", "two");
        assertThat(send("GET", "channels/" + channel.idString() + "/messages?limit=101", null)
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void slashRefusesCommandsTheBotNeverRegistered() {
        LocalGuild guild = discord.guild("g");
        LocalChannel channel = discord.channel(guild, "general");
        LocalMember alice = discord.member(guild, "alice", false);

        assertThatThrownBy(() -> discord.slash(alice, channel, "ping"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no command /ping");
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(discord.restBaseUrl() + path))
                .header("Authorization", "Bot " + discord.botToken());
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(
                method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
