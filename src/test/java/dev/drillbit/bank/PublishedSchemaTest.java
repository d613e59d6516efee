package dev.drillbit.bank;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.drillbit.testsupport.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The JSON Schemas published for editors agree with the validator in code. */
class PublishedSchemaTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    private static JsonSchema schema(String name) throws IOException {
        return FACTORY.getSchema(
                MAPPER.readTree(Path.of("questions/schema", name).toFile()));
    }

    private static Set<ValidationMessage> validate(Path file) throws IOException {
        JsonNode node = MAPPER.readTree(file.toFile());
        String schema =
                file.getFileName().toString().equals("roadmap.json") ? "roadmap.schema.json" : "pack.schema.json";
        return schema(schema).validate(node);
    }

    private static void assertEveryFileValidates(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            files.filter(p -> p.toString().endsWith(".json")).forEach(file -> {
                try {
                    assertThat(validate(file)).as(file.toString()).isEmpty();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
    }

    @Test
    void theGoodFixtureValidates() throws IOException {
        assertEveryFileValidates(Fixtures.resource("bank/good"));
    }

    @Test
    void theRealBankValidates() throws IOException {
        assertEveryFileValidates(Fixtures.realQuestions());
    }

    // Case-insensitive duplicate options are beyond JSON Schema's uniqueItems; the loader's own test covers them.
    @ParameterizedTest
    @ValueSource(
            strings = {
                "unknown-field",
                "missing-field",
                "wrong-type",
                "too-few-options",
                "empty-string",
                "over-long-explanation",
                "unknown-type",
                "unknown-difficulty",
                "why-count",
                "missing-source",
                "source-not-https",
                "source-without-host",
                "source-malformed",
                "unknown-variant-key",
                "variant-not-a-list"
            })
    void badPacksThatTheSchemaCanSeeAreRefusedByItToo(String overlay) throws IOException {
        assertThat(validate(Fixtures.resource("bank/" + overlay + "/sql.json"))).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"long-summary", "insecure-url"})
    void badRoadmapsAreRefusedByTheSchema(String overlay) throws IOException {
        assertThat(validate(Fixtures.resource("bank/" + overlay + "/roadmap.json")))
                .isNotEmpty();
    }
}
