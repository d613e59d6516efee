package dev.drillbit.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    private Config load(String json) throws Exception {
        Path file = dir.resolve("config.json");
        Files.writeString(file, json);
        return new ConfigLoader().load(file);
    }

    @Test
    void theExampleFileHoldsExactlyTheDefaults() throws Exception {
        assertThat(new ConfigLoader().load(Path.of("config.example.json"))).isEqualTo(Config.defaults());
    }

    @Test
    void keysNotGivenKeepTheirDefaults() throws Exception {
        Config config = load("{\"quiz\": {\"secondsPerQuestion\": 45}, \"discord\": {\"devGuildIds\": [123]}}");

        assertThat(config.quiz().secondsPerQuestion()).isEqualTo(45);
        assertThat(config.quiz().questionsPerQuiz()).isEqualTo(10);
        assertThat(config.discord().devGuildIds()).containsExactly(123L);
        assertThat(config.questionsPath())
                .as("unset: the bank shipped in the jar")
                .isEmpty();
    }

    @Test
    void guildIdsAreReadFromStringsAsDiscordWritesThemAndFromNumbers() throws Exception {
        // GIVEN ids as "Copy Server ID" gives them, pasted in quotes, beside a plain number
        String json = "{\"discord\": {\"devGuildIds\": [\"1191168914227200002\", 1191168914227200003]}}";

        // WHEN the file is read
        Config config = load(json);

        // THEN both are the same kind of id
        assertThat(config.discord().devGuildIds()).containsExactly(1191168914227200002L, 1191168914227200003L);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        {"quizz": {}}                                   | unknown key "quizz"; known keys here: questionsDir, dataDir, quiz, discord
        {"quiz": {"secondsPerQuestoin": 5}}            | unknown key "quiz.secondsPerQuestoin"
        {"quiz": {"secondsPerQuestion": "30"}}         | "quiz.secondsPerQuestion" has the wrong type: expected a whole number
        {"quiz": {"speedBonus": "yes"}}                | "quiz.speedBonus" has the wrong type: expected true or false
        {"quiz": 5}                                    | "quiz" must be an object
        {"quiz": {"questionsPerQuiz": 0}}              | "quiz.questionsPerQuiz" is 0; it must be 1 to 50
        {"quiz": {"secondsPerQuestion": 2}}            | "quiz.secondsPerQuestion" is 2; it must be 5 to 600
        {"discord": {"gatewayUrl": "http://x"}}        | "discord.gatewayUrl" must be a ws or wss URL, was "http://x"
        {"discord": {"restBaseUrl": "localhost:1"}}    | "discord.restBaseUrl" must be a http or https URL
        {"discord": {"devGuildIds": ["abc"]}}          | "discord.devGuildIds[0]" must be a Discord id (a positive whole number, as a number or a string of digits), found "abc"
        {"discord": {"devGuildIds": [1, "-5"]}}        | "discord.devGuildIds[1]" must be a Discord id (a positive whole number, as a number or a string of digits), found "-5"
        {"discord": {"devGuildIds": [1.5]}}            | "discord.devGuildIds[0]" must be a Discord id (a positive whole number, as a number or a string of digits), found 1.5
        {"discord": {"devGuildIds": ["99999999999999999999"]}} | "discord.devGuildIds[0]" must be a Discord id
        {"discord": {"devGuildIds": "123"}}            | "discord.devGuildIds" has the wrong type: expected a list
        {"questionsDir": ""}                           | "questionsDir" must name a folder; leave it out to use the bank shipped in the jar
        {"quiz": {                                     | malformed JSON
        {"storage": {"type": "mysql"}}                 | "storage.type" is "mysql"; it must be "flatfile" (files in dataDir) or "postgres"
        {"storage": {"type": "postgres", "user": "d"}} | "storage.url" must be set when "storage.type" is "postgres"
        {"storage": {"type": "postgres", "url": "jdbc:postgresql://db/d"}} | "storage.user" must be set when "storage.type" is "postgres"
        {"storage": {"type": "postgres", "url": "postgres://db/d", "user": "d"}} | "storage.url" must be a PostgreSQL JDBC URL (jdbc:postgresql://host:5432/drillbit), was "postgres://db/d"
        {"storage": {"pasword": "x"}}                  | unknown key "storage.pasword"; known keys here: storage.type, storage.url, storage.user, storage.password
        {"storage": {"type": 1}}                       | "storage.type" is "1"; it must be
        {"discord": {"shards": {"ids": [0]}}}          | "discord.shards.ids" needs "discord.shards.total"
        {"discord": {"shards": {"total": 0}}}          | "discord.shards.total" is 0; it must be 1 to 65536
        {"discord": {"shards": {"total": 2, "ids": [0, 2]}}} | "discord.shards.ids[1]" is 2; a shard id must be 0 to 1 (total 2)
        {"discord": {"shards": {"total": 2, "ids": [-1]}}} | "discord.shards.ids[0]" is -1; a shard id must be 0 to 1 (total 2)
        {"discord": {"shards": {"total": 2, "ids": [null]}}} | "discord.shards.ids[0]" is null; a shard id must be 0 to 1
        {"discord": {"shards": {"total": 4, "ids": [1, 1]}}} | "discord.shards.ids[1]" is 1 again; list each shard once
        {"discord": {"shards": {"total": "4"}}}        | "discord.shards.total" has the wrong type: expected a whole number
        {"discord": {"shards": {"totl": 4}}}           | unknown key "discord.shards.totl"; known keys here: discord.shards.total, discord.shards.ids
        {"discord": {"shards": {"total": 2, "ids": [0]}}} | "discord.shards.ids" runs 1 of 2 shards here, so other processes run the rest, but "storage.type" is "flatfile": the flat files are for one process only
        {"metrics": {"port": 70000}}                   | "metrics.port" is 70000; it must be 0 to 65535
        {"metrics": {"port": 9464, "bind": " "}}       | "metrics.bind" must name an address to listen on
        {"metrics": {"path": "/m"}}                    | unknown key "metrics.path"; known keys here: metrics.port, metrics.bind
        """)
    void namesTheKeyOfEveryBadValue(String json, String message) {
        assertThatThrownBy(() -> load(json))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(dir.resolve("config.json").toString())
                .hasMessageContaining(message);
    }

    @Test
    void theEnvironmentTokenWinsOverTheFileAndNeitherIsPrinted() throws Exception {
        Config config = load("{\"discord\": {\"token\": \"from-file\"}}");

        assertThat(config.token(Map.of())).contains("from-file");
        assertThat(config.token(Map.of("DISCORD_TOKEN", "from-env"))).contains("from-env");
        assertThat(config.token(Map.of("DISCORD_TOKEN", "  "))).contains("from-file");
        assertThat(config.toString()).doesNotContain("from-file").contains("token=***");
        assertThat(Config.defaults().token(Map.of())).isEmpty();
    }

    @Test
    void postgresStorageIsReadAndItsPasswordComesFromTheEnvironmentFirstAndIsNeverPrinted() throws Exception {
        Config config = load("{\"storage\": {\"type\": \"postgres\", \"url\": \"jdbc:postgresql://db:5432/drillbit\","
                + " \"user\": \"drillbit\", \"password\": \"pw-from-file\"}}");

        assertThat(config.storage().postgres()).isTrue();
        assertThat(config.storage().url()).isEqualTo("jdbc:postgresql://db:5432/drillbit");
        assertThat(config.databasePassword(Map.of())).contains("pw-from-file");
        assertThat(config.databasePassword(Map.of("DRILLBIT_DB_PASSWORD", "pw-from-env")))
                .contains("pw-from-env");
        assertThat(config.toString()).doesNotContain("pw-from-file").contains("password=***");
        assertThat(Config.defaults().storage().postgres()).isFalse();
        assertThat(Config.defaults().databasePassword(Map.of())).isEmpty();
    }

    @Test
    void aProcessRunsTheShardsItIsGivenOfTheTotalOnASharedDatabase() throws Exception {
        // GIVEN shards 0 and 1 of 4 on PostgreSQL: other processes run 2 and 3
        Config config = load("{\"discord\": {\"shards\": {\"total\": 4, \"ids\": [0, 1]}},"
                + " \"storage\": {\"type\": \"postgres\", \"url\": \"jdbc:postgresql://db/d\", \"user\": \"d\"}}");

        // THEN
        assertThat(config.discord().shards()).isEqualTo(new Config.Shards(4, java.util.List.of(0, 1)));
        assertThat(config.discord().shards().partial()).isTrue();
    }

    @Test
    void everyShardOfAGivenTotalIsOneProcessAndNeedsNoDatabase() throws Exception {
        Config config = load("{\"discord\": {\"shards\": {\"total\": 2, \"ids\": [1, 0]}}}");

        assertThat(config.discord().shards().partial()).isFalse();
        assertThat(Config.defaults().discord().shards()).isEqualTo(Config.Shards.ALL);
        assertThat(Config.defaults().discord().shards().partial()).isFalse();
    }

    @Test
    void aGuildBelongsToTheShardDiscordSendsItsEventsOn() {
        // (id >> 22) % total, as Discord documents it; 1 << 22 is the first id of shard 1 of 2
        assertThat(dev.drillbit.daily.OwnedGuilds.shardOf(1L << 22, 2)).isEqualTo(1);
        assertThat(dev.drillbit.daily.OwnedGuilds.shardOf(2L << 22, 2)).isEqualTo(0);
        assertThat(dev.drillbit.daily.OwnedGuilds.shardOf(1191168914227200002L, 1))
                .isZero();
    }

    @Test
    void metricsAreOffUnlessAPortIsGivenAndListenOnLoopbackUnlessTold() throws Exception {
        assertThat(Config.defaults().metrics().enabled()).isFalse();

        Config on = load("{\"metrics\": {\"port\": 9464}}");
        assertThat(on.metrics()).isEqualTo(new Config.Metrics(9464, "127.0.0.1"));
        assertThat(on.metrics().enabled()).isTrue();
    }

    @Test
    void aMissingFileIsAnError() {
        assertThatThrownBy(() -> new ConfigLoader().load(dir.resolve("nope.json")))
                .hasMessageEndingWith("nope.json: no such config file");
    }

    @Test
    void noFileMeansDefaults() throws IOException, ConfigException {
        assertThat(new ConfigLoader().load(null)).isEqualTo(Config.defaults());
    }
}
