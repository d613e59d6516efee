package dev.drillbit.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drillbit.config.Config;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class TelemetryTest {
    private static Config withMetrics(Config.Metrics metrics) {
        Config d = Config.defaults();
        return new Config(d.questionsDir(), d.dataDir(), d.quiz(), d.discord(), d.storage(), metrics);
    }

    @Test
    void offByDefaultItListensNowhere() {
        try (Telemetry telemetry = Telemetry.start(Config.defaults())) {
            assertThat(telemetry.address()).isEmpty();
        }
    }

    @Test
    void healthIs503UntilTheBotHasConnectedShardsAndAStore() throws Exception {
        // GIVEN the endpoint is up but no bot is watched yet (start-up: nothing connected)
        try (Telemetry telemetry = Telemetry.start(withMetrics(new Config.Metrics(0, "127.0.0.1")))) {
            int port = telemetry.address().orElseThrow().getPort();

            // WHEN /health is asked
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());

            // THEN not ready, and the body says why
            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.body())
                    .isEqualTo("{\"shards\":[],\"status\":\"unavailable\",\"store\":\"does not answer\"}");
        }
    }

    @Test
    void aPortInUseStopsStartUpNamingIt() {
        try (Telemetry first = Telemetry.start(withMetrics(new Config.Metrics(0, "127.0.0.1")))) {
            int taken = first.address().orElseThrow().getPort();

            assertThatThrownBy(() -> Telemetry.start(withMetrics(new Config.Metrics(taken, "127.0.0.1"))))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessageStartingWith("cannot listen for metrics on 127.0.0.1:" + taken + ": ");
        }
    }
}
