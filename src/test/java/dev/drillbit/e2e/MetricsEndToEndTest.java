package dev.drillbit.e2e;

import static dev.drillbit.testsupport.BotHarness.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drillbit.config.Config;
import dev.drillbit.playground.LocalChannel;
import dev.drillbit.playground.LocalMessage;
import dev.drillbit.testsupport.BotHarness;
import dev.drillbit.testsupport.Fixtures;
import dev.drillbit.testsupport.PrometheusText;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The bot with {@code metrics} on: {@code /health} and {@code /metrics} scraped as Prometheus would. */
class MetricsEndToEndTest extends EndToEndTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @Override
    BotHarness startHarness() throws InterruptedException {
        return new BotHarness(Fixtures.goodBank(), 0, storage(), new Config.Metrics(0, "127.0.0.1"));
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        InetSocketAddress at = h.bot.metricsAddress().orElseThrow();
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + at.getPort() + path))
                        .timeout(TIMEOUT)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @DisplayName("/health is 200 with the connected shard and the store answering")
    void healthIsReadyOnceTheShardIsConnected() throws Exception {
        // GIVEN the bot is up (the base class waited for its commands)

        // WHEN /health is asked
        HttpResponse<String> response = get("/health");

        // THEN ready, saying why
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = new ObjectMapper().readTree(response.body());
        assertThat(body.path("status").asText()).isEqualTo("ready");
        assertThat(body.path("store").asText()).isEqualTo("answers");
        assertThat(body.path("shards").toString()).isEqualTo("[{\"id\":0,\"status\":\"CONNECTED\"}]");
    }

    @Test
    @DisplayName("/metrics is valid Prometheus text counting a played quiz, its replies, commits and shards")
    void metricsCountAPlayedQuiz() throws Exception {
        // GIVEN alice played a one-question quiz to its end
        LocalChannel room = room("metrics");
        LocalMessage message = h.discord
                .slash(h.alice, room, "quiz start", Map.of("step", "sql", "count", 1))
                .awaitReply(TIMEOUT);
        h.answer(h.alice, message, true).awaitReply(TIMEOUT);
        h.bot.tick();

        // WHEN /metrics is scraped
        HttpResponse<String> response = get("/metrics");

        // THEN it is Prometheus text with every family the bot promises
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain; version=0.0.4"));
        PrometheusText text = PrometheusText.parse(response.body());
        assertThat(text.type("drillbit_interactions_total")).as(response.body()).isEqualTo("counter");
        assertThat(text.value("drillbit_interactions_total", Map.of("command", "quiz", "outcome", "ok"))
                        .orElse(0))
                .isGreaterThanOrEqualTo(1);
        assertThat(text.type("drillbit_reply_latency_seconds")).isEqualTo("histogram");
        assertThat(text.value("drillbit_reply_latency_seconds_bucket", Map.of("command", "quiz", "le", "+Inf"))
                        .orElse(0))
                .isGreaterThanOrEqualTo(1);
        assertThat(text.value("drillbit_store_commit_latency_seconds_count", Map.of())
                        .orElse(0))
                .isGreaterThanOrEqualTo(1);
        assertThat(text.value("drillbit_store_commit_batch_size_sum", Map.of()).orElse(0))
                .as("the answer was committed")
                .isGreaterThanOrEqualTo(1);
        assertThat(text.value("drillbit_sessions_open", Map.of())).isPresent();
        assertThat(text.value("drillbit_shard_connected", Map.of("shard", "0"))).hasValue(1.0);
        assertThat(text.samples("drillbit_gateway_ping_seconds")).hasSize(1);
        assertThat(text.value("drillbit_daily_runs_total", Map.of("outcome", "posted")))
                .isPresent();
        assertThat(text.value("drillbit_daily_runs_total", Map.of("outcome", "failed")))
                .isPresent();
    }

    @Test
    @DisplayName("anything but GET and HEAD is refused, and unknown paths are 404")
    void onlyReadsAreServed() throws Exception {
        InetSocketAddress at = h.bot.metricsAddress().orElseThrow();
        HttpResponse<String> post = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + at.getPort() + "/metrics"))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(get("/nope").statusCode()).isEqualTo(404);
    }
}
