package dev.drillbit.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DiscordApiSchemaTest {
    private final ObjectMapper json = new ObjectMapper();
    private final DiscordApiSchema schema = DiscordApiSchema.get();

    @Test
    void acceptsAValidChannelMessage() {
        ObjectNode body = json.createObjectNode().put("content", "hello");
        assertThat(schema.violations("POST", "/channels/123/messages", "application/json", body))
                .isEmpty();
    }

    @Test
    void rejectsFollowUpContentLongerThan2000Characters() {
        ObjectNode body = json.createObjectNode().put("content", "x".repeat(2001));
        assertThat(schema.violations("POST", "/webhooks/1/tok", "application/json", body))
                .isNotEmpty();
    }

    @Test
    void channelMessagesAreCheckedAgainstTheSpecsOwnLimitOf4000() {
        // the spec allows 4000 here (the limit with a boosted account); the 2000 rule is the bot's own
        assertThat(schema.violations(
                        "POST",
                        "/channels/1/messages",
                        "application/json",
                        json.createObjectNode().put("content", "x".repeat(4001))))
                .isNotEmpty();
    }

    @Test
    void coercesIntParseableStringsOnlyWhereTheSchemaSaysInteger() {
        ObjectNode command = json.createObjectNode()
                .put("name", "ping")
                .put("description", "d")
                .put("type", 1);
        command.putArray("contexts").add("0").add("1");
        var body = json.createArrayNode().add(command);
        assertThat(schema.violations("PUT", "/applications/1/commands", "application/json", body))
                .isEmpty();

        command.putArray("contexts").add("zero");
        assertThat(schema.violations("PUT", "/applications/1/commands", "application/json", body))
                .isNotEmpty();
        command.putArray("contexts").add("7");
        assertThat(schema.violations("PUT", "/applications/1/commands", "application/json", body))
                .isNotEmpty();
    }

    @Test
    @DisplayName(
            "a command for guild and user installs in every context validates; an install type Discord lacks does not")
    void checksIntegrationTypesAndContexts() {
        ObjectNode command = json.createObjectNode()
                .put("name", "me")
                .put("description", "d")
                .put("type", 1);
        command.putArray("integration_types").add(0).add(1);
        command.putArray("contexts").add(0).add(1).add(2);
        var body = json.createArrayNode().add(command);
        assertThat(schema.violations("PUT", "/applications/1/commands", "application/json", body))
                .isEmpty();

        command.putArray("integration_types").add(0).add(2);
        assertThat(schema.violations("PUT", "/applications/1/commands", "application/json", body))
                .isNotEmpty();
    }

    @Test
    void rejectsAnOverlongReplyInAnInteractionCallback() {
        ObjectNode body = json.createObjectNode().put("type", 4);
        body.putObject("data").put("content", "x".repeat(2001));
        assertThat(schema.violations("POST", "/interactions/1/tok/callback", "application/json", body))
                .isNotEmpty();
        body.with("data").put("content", "fine");
        assertThat(schema.violations("POST", "/interactions/1/tok/callback", "application/json", body))
                .isEmpty();
    }

    @Test
    void rejectsAButtonLabelOver80Characters() {
        ObjectNode body = json.createObjectNode().put("content", "x");
        body.putArray("components")
                .addObject()
                .put("type", 1)
                .putArray("components")
                .addObject()
                .put("type", 2)
                .put("style", 1)
                .put("custom_id", "a")
                .put("label", "l".repeat(81));
        assertThat(schema.violations("POST", "/webhooks/1/tok", "application/json", body))
                .isNotEmpty();
    }

    @Test
    void prefersLiteralPathSegmentsOverParameters() {
        assertThat(schema.route("PATCH", "/webhooks/1/tok/messages/@original"))
                .contains("/webhooks/{webhook_id}/{webhook_token}/messages/@original");
        assertThat(schema.route("PATCH", "/webhooks/1/tok/messages/99"))
                .contains("/webhooks/{webhook_id}/{webhook_token}/messages/{message_id}");
    }

    @Test
    void reportsUnknownOperations() {
        assertThat(schema.violations("POST", "/nowhere", "application/json", json.createObjectNode()))
                .isNotEmpty();
    }
}
