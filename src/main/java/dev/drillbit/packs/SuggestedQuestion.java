package dev.drillbit.packs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drillbit.bank.QuestionType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A question as a member fills in the suggestion form: its type, step and difficulty, and five texts whose
 * meaning follows the type. {@code lines} holds one entry a line: the options (multiple choice), the accepted
 * answers (short answer) or the key points (open); {@code answer} is the number of the right option (from 1),
 * {@code true}/{@code false}, or the model answer (open). Turned into the published pack schema by
 * {@link #toPack}, and back by {@link #fromPack} (for "edit then approve"). Immutable.
 */
public record SuggestedQuestion(
        QuestionType type,
        String step,
        String difficulty,
        String prompt,
        String lines,
        String answer,
        String explanation,
        String source) {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** The question's id inside a suggestion until it is approved. */
    static final String DRAFT_ID = "suggestion";

    public SuggestedQuestion {
        Objects.requireNonNull(type, "type");
        step = clean(step).toLowerCase(Locale.ROOT);
        difficulty = clean(difficulty).toLowerCase(Locale.ROOT);
        prompt = clean(prompt);
        lines = clean(lines);
        answer = clean(answer);
        explanation = clean(explanation);
        source = clean(source);
    }

    private static String clean(String s) {
        return s == null ? "" : s.strip();
    }

    /** The same form with another answer. */
    public SuggestedQuestion withAnswer(String newAnswer) {
        return new SuggestedQuestion(type, step, difficulty, prompt, lines, newAnswer, explanation, source);
    }

    /** The one-line entries of {@link #lines}, blank lines left out. */
    public List<String> entries() {
        return Arrays.stream(lines.split("\\R"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    /**
     * What the form says as a pack of one question with id {@code questionId}. Answers the form cannot
     * express in the schema (an option number that is not a number) are problems here; the rest is for the
     * bank's validator.
     */
    Pack toPack(String questionId) {
        List<String> problems = new ArrayList<>();
        ObjectNode q = MAPPER.createObjectNode();
        q.put("id", questionId);
        q.put("type", type.id());
        q.put("difficulty", difficulty);
        q.put("prompt", prompt);
        switch (type) {
            case MULTIPLE_CHOICE -> {
                q.set("options", array(entries()));
                try {
                    q.put("answer", Integer.parseInt(answer) - 1);
                } catch (NumberFormatException e) {
                    problems.add("answer: give the number of the right option (1 for the first line), not \""
                            + shorten(answer) + "\"");
                }
            }
            case TRUE_FALSE -> {
                String a = answer.toLowerCase(Locale.ROOT);
                if (a.equals("true") || a.equals("false")) {
                    q.put("answer", Boolean.parseBoolean(a));
                } else {
                    problems.add("answer: write true or false, not \"" + shorten(answer) + "\"");
                }
            }
            case SHORT_ANSWER -> q.set("accept", array(entries()));
            case OPEN -> {
                q.set("key_points", array(entries()));
                q.put("model_answer", answer);
            }
        }
        q.put("explanation", explanation);
        q.put("source", source);
        ObjectNode pack = MAPPER.createObjectNode();
        if (isStepId(step)) {
            pack.put("step", step);
        } else {
            // Named here, and a stand-in step lets the validator go on to the question itself.
            problems.add("step \"" + shorten(step) + "\" is not a step id: lower-case letters, digits and single"
                    + " hyphens, at most 40 characters (a step of the roadmap, or a new one of this server's)");
            pack.put("step", "suggestion");
        }
        pack.putArray("questions").add(q);
        try {
            return new Pack(MAPPER.writeValueAsString(pack) + "\n", problems);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings always writes", e);
        }
    }

    /** A pack's JSON and the problems found while making it. */
    record Pack(String json, List<String> problems) {}

    /** The form as it would be filled in to give the one question of {@code json} (a suggestion's pack). */
    public static SuggestedQuestion fromPack(String json) {
        JsonNode pack;
        try {
            pack = MAPPER.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("a stored suggestion is not JSON", e);
        }
        JsonNode q = pack.path("questions").path(0);
        QuestionType type = QuestionType.fromId(q.path("type").asText())
                .orElseThrow(() -> new IllegalArgumentException("a stored suggestion has no type"));
        String lines = switch (type) {
            case MULTIPLE_CHOICE -> joined(q.path("options"));
            case SHORT_ANSWER -> joined(q.path("accept"));
            case OPEN -> joined(q.path("key_points"));
            case TRUE_FALSE -> "";
        };
        String answer = switch (type) {
            case MULTIPLE_CHOICE -> String.valueOf(q.path("answer").asInt() + 1);
            case TRUE_FALSE -> String.valueOf(q.path("answer").asBoolean());
            case OPEN -> q.path("model_answer").asText();
            case SHORT_ANSWER -> "";
        };
        return new SuggestedQuestion(
                type,
                pack.path("step").asText(),
                q.path("difficulty").asText(),
                q.path("prompt").asText(),
                lines,
                answer,
                q.path("explanation").asText(),
                q.path("source").asText());
    }

    private static String joined(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return String.join("\n", out);
    }

    private static ArrayNode array(List<String> items) {
        ArrayNode a = MAPPER.createArrayNode();
        items.forEach(a::add);
        return a;
    }

    private static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }

    /** The question's one pack as text with a different id, for approval. */
    static String withId(String json, String questionId) {
        try {
            ObjectNode pack = (ObjectNode) MAPPER.readTree(json);
            ((ObjectNode) pack.path("questions").path(0)).put("id", questionId);
            return MAPPER.writeValueAsString(pack) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException | ClassCastException e) {
            throw new IllegalArgumentException("a stored suggestion is not a pack", e);
        }
    }

    /** Every question of {@code base} (a pack) followed by those of {@code more}, as one pack's text. */
    static String merged(String base, String more) {
        try {
            ObjectNode pack = (ObjectNode) MAPPER.readTree(base);
            ArrayNode questions = (ArrayNode) pack.path("questions");
            MAPPER.readTree(more).path("questions").forEach(questions::add);
            return MAPPER.writeValueAsString(pack) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException | ClassCastException e) {
            throw new IllegalArgumentException("a stored pack is not a pack", e);
        }
    }

    /**
     * The validator's problems in the form's words: the question's draft id left out ({@code question
     * suggestion source must be …} reads {@code source must be …}); a missing answer the form already
     * explained is not said twice.
     */
    static List<String> describe(String questionId, List<dev.drillbit.bank.Problem> problems, boolean answerExplained) {
        String prefix = "question " + questionId + " ";
        return problems.stream()
                .map(dev.drillbit.bank.Problem::message)
                .filter(m -> !(answerExplained && m.endsWith("missing \"answer\"")))
                .map(m -> m.startsWith(prefix) ? m.substring(prefix.length()) : m)
                .map(m -> m.startsWith("is ") ? "the question " + m : m)
                .collect(Collectors.toList());
    }

    /** Whether {@code step} may name a step (the schema's id pattern). */
    static boolean isStepId(String step) {
        return step.length() <= 40 && step.matches("[a-z0-9]+(-[a-z0-9]+)*");
    }
}
