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
    void aMissingFileIsAnError() {
        assertThatThrownBy(() -> new ConfigLoader().load(dir.resolve("nope.json")))
                .hasMessageEndingWith("nope.json: no such config file");
    }

    @Test
    void noFileMeansDefaults() throws IOException, ConfigException {
        assertThat(new ConfigLoader().load(null)).isEqualTo(Config.defaults());
    }
}
