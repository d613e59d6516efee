package dev.drillbit.bank;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads one question pack ({@code <step>.json}), reporting every problem. Stateless. */
final class PackFile {
    private static final Set<String> COMMON_REQUIRED =
            Set.of("id", "type", "difficulty", "prompt", "explanation", "source");
    private static final Set<String> COMMON_OPTIONAL = Set.of("tags");
    private static final Map<QuestionType, Set<String>> REQUIRED = Map.of(
            QuestionType.MULTIPLE_CHOICE, Set.of("options", "answer"),
            QuestionType.TRUE_FALSE, Set.of("answer"),
            QuestionType.SHORT_ANSWER, Set.of("accept"),
            QuestionType.OPEN, Set.of("key_points", "model_answer"));
    private static final Map<QuestionType, Set<String>> OPTIONAL = Map.of(
            QuestionType.MULTIPLE_CHOICE, Set.of("why"),
            QuestionType.TRUE_FALSE, Set.of(),
            QuestionType.SHORT_ANSWER, Set.of("reject", "variants"),
            QuestionType.OPEN, Set.of());

    private static final Set<String> VARIANT_KEYS = Set.of("pass", "fail");

    // Worked out once rather than for every question: a bank of 10,000 questions is read at start-up, cold.
    private static final Map<QuestionType, Set<String>> ALL_REQUIRED = byType(REQUIRED, COMMON_REQUIRED);
    private static final Map<QuestionType, Set<String>> ALL_OPTIONAL = byType(OPTIONAL, COMMON_OPTIONAL);
    private static final Set<String> ANY_OPTIONAL = all(COMMON_OPTIONAL, REQUIRED.values(), OPTIONAL.values());
    private static final List<String> TYPE_IDS =
            Arrays.stream(QuestionType.values()).map(QuestionType::id).toList();
    private static final List<String> DIFFICULTY_IDS =
            Arrays.stream(Difficulty.values()).map(Difficulty::id).toList();

    /** What a pack file holds once read; {@code step} is empty when the file does not say. */
    record Pack(Optional<String> step, List<Question> questions) {}

    private PackFile() {}

    /** Reads a pack; {@code expectedStep} is the step its file name gives, or null when the name says nothing. */
    static Pack read(FileCheck check, String expectedStep) {
        JsonNode root = check.root();
        List<Question> questions = new ArrayList<>();
        if (!check.object("$", root, "the pack", Set.of("step", "questions"), Set.of("$schema"))) {
            return new Pack(Optional.empty(), questions);
        }
        Optional<String> step = check.id("$.step", root.get("step"), "\"step\"");
        if (step.isPresent() && expectedStep != null && !step.get().equals(expectedStep)) {
            check.problem(
                    "$.step",
                    "the pack is for step \"" + step.get() + "\" but the file is named " + expectedStep
                            + ".json; name it " + step.get() + ".json");
        }
        JsonNode list = root.get("questions");
        if (list != null && (!list.isArray() || list.isEmpty())) {
            check.problem("$.questions", "\"questions\" must be a non-empty list");
        } else if (list != null && step.isPresent()) {
            for (int i = 0; i < list.size(); i++) {
                question(check, "$.questions[" + i + "]", list.get(i), i + 1, step.get())
                        .ifPresent(questions::add);
            }
        }
        return new Pack(step, questions);
    }

    private static Optional<Question> question(FileCheck check, String path, JsonNode node, int number, String step) {
        if (!node.isObject()) {
            check.problem(path, "question " + number + " must be a JSON object, found " + FileCheck.kind(node));
            return Optional.empty();
        }
        Optional<String> id = check.id(path + ".id", node.get("id"), "question " + number + " id");
        String what = id.map(s -> "question " + s).orElse("question " + number);
        Optional<QuestionType> type =
                enumValue(check, path + ".type", node.get("type"), what + " type", QuestionType::fromId, TYPE_IDS);
        if (type.isEmpty()) {
            check.object(path, node, what, COMMON_REQUIRED, ANY_OPTIONAL);
            return Optional.empty();
        }
        check.object(path, node, what, ALL_REQUIRED.get(type.get()), ALL_OPTIONAL.get(type.get()));
        Optional<Difficulty> difficulty = enumValue(
                check,
                path + ".difficulty",
                node.get("difficulty"),
                what + " difficulty",
                Difficulty::fromId,
                DIFFICULTY_IDS);
        Optional<String> prompt = check.text(
                path + ".prompt",
                node.get("prompt"),
                what + " prompt",
                DisplayLimits.EMBED_DESCRIPTION,
                "Discord's embed description holds 4096");
        Optional<String> explanation = check.text(
                path + ".explanation",
                node.get("explanation"),
                what + " explanation",
                DisplayLimits.FIELD_VALUE,
                "Discord's embed field value holds 1024");
        Optional<String> source =
                check.httpsUrl(path + ".source", node.get("source"), what + " source", DisplayLimits.SOURCE_URL);
        List<String> tags = List.of();
        if (node.has("tags")) {
            tags = check.texts(
                            path + ".tags",
                            node.get("tags"),
                            what + " tags",
                            0,
                            10,
                            FileCheck.ID_LENGTH,
                            "tags are short",
                            true)
                    .orElse(null);
            if (tags != null) {
                for (int i = 0; i < tags.size(); i++) {
                    if (!FileCheck.isId(tags.get(i))) {
                        check.problem(
                                path + ".tags[" + i + "]", what + " tag \"" + tags.get(i) + "\" must be kebab-case");
                        tags = null;
                        break;
                    }
                }
            }
        }
        if (id.isEmpty()
                || difficulty.isEmpty()
                || prompt.isEmpty()
                || explanation.isEmpty()
                || source.isEmpty()
                || tags == null) {
            checkTypeFields(check, path, node, what, type.get());
            return Optional.empty();
        }
        Optional<Question> question = build(
                check,
                path,
                node,
                what,
                type.get(),
                id.get(),
                step,
                difficulty.get(),
                prompt.get(),
                explanation.get(),
                source.get(),
                tags);
        question.ifPresent(q -> fits(check, path, what, q));
        return question;
    }

    /** Reports problems in the type-specific fields even when a common field already failed. */
    private static void checkTypeFields(FileCheck check, String path, JsonNode node, String what, QuestionType type) {
        build(check, path, node, what, type, "x", "x", Difficulty.JUNIOR, "x", "x", "https://x", List.of());
    }

    private static Optional<Question> build(
            FileCheck check,
            String path,
            JsonNode node,
            String what,
            QuestionType type,
            String id,
            String step,
            Difficulty difficulty,
            String prompt,
            String explanation,
            String source,
            List<String> tags) {
        switch (type) {
            case MULTIPLE_CHOICE -> {
                Optional<List<String>> options = check.texts(
                        path + ".options",
                        node.get("options"),
                        what + " options",
                        2,
                        5,
                        DisplayLimits.OPTION,
                        "options are read in a list of up to five",
                        true);
                Optional<Integer> answer = check.integer(path + ".answer", node.get("answer"), what + " answer");
                if (options.isEmpty() || answer.isEmpty()) {
                    return Optional.empty();
                }
                int count = options.get().size();
                if (answer.get() < 0 || answer.get() >= count) {
                    check.problem(
                            path + ".answer",
                            what + " answer " + answer.get() + " is out of range: with " + count
                                    + " options it must be 0 to " + (count - 1) + " (0 is the first option)");
                    return Optional.empty();
                }
                List<String> why = List.of();
                if (node.has("why")) {
                    Optional<List<String>> read = check.texts(
                            path + ".why",
                            node.get("why"),
                            what + " why",
                            count,
                            count,
                            DisplayLimits.WHY,
                            "one line per option",
                            false);
                    if (read.isEmpty()) {
                        if (node.get("why").isArray() && node.get("why").size() != count) {
                            check.problem(path + ".why", what + " why needs one entry per option: " + count);
                        }
                        return Optional.empty();
                    }
                    why = read.get();
                }
                return Optional.of(new Question.MultipleChoice(
                        id, step, difficulty, prompt, explanation, source, tags, options.get(), answer.get(), why));
            }
            case TRUE_FALSE -> {
                return check.bool(path + ".answer", node.get("answer"), what + " answer")
                        .map(answer -> new Question.TrueFalse(
                                id, step, difficulty, prompt, explanation, source, tags, answer));
            }
            case SHORT_ANSWER -> {
                Optional<List<String>> accept = check.texts(
                        path + ".accept",
                        node.get("accept"),
                        what + " accept",
                        1,
                        20,
                        DisplayLimits.SHORT_ANSWER,
                        "a short answer is a few words",
                        true);
                Optional<List<String>> reject = node.has("reject")
                        ? check.texts(
                                path + ".reject",
                                node.get("reject"),
                                what + " reject",
                                0,
                                20,
                                DisplayLimits.SHORT_ANSWER,
                                "a short answer is a few words",
                                true)
                        : Optional.of(List.of());
                Optional<Question.ShortAnswer.Variants> variants = node.has("variants")
                        ? variants(check, path + ".variants", node.get("variants"), what + " variants")
                        : Optional.of(Question.ShortAnswer.Variants.NONE);
                if (accept.isEmpty() || reject.isEmpty() || variants.isEmpty()) {
                    return Optional.empty();
                }
                return Optional.of(new Question.ShortAnswer(
                        id,
                        step,
                        difficulty,
                        prompt,
                        explanation,
                        source,
                        tags,
                        accept.get(),
                        reject.get(),
                        variants.get()));
            }
            case OPEN -> {
                Optional<List<String>> keyPoints = check.texts(
                        path + ".key_points",
                        node.get("key_points"),
                        what + " key_points",
                        2,
                        8,
                        DisplayLimits.KEY_POINT,
                        "a key point is one line",
                        true);
                Optional<String> model = check.text(
                        path + ".model_answer",
                        node.get("model_answer"),
                        what + " model_answer",
                        DisplayLimits.FIELD_VALUE,
                        "Discord's embed field value holds 1024");
                if (keyPoints.isEmpty() || model.isEmpty()) {
                    return Optional.empty();
                }
                return Optional.of(new Question.Open(
                        id, step, difficulty, prompt, explanation, source, tags, keyPoints.get(), model.get()));
            }
        }
        throw new AssertionError(type);
    }

    /**
     * A short answer's test variants: {@code pass} and {@code fail}, each a list of typed answers. Entries
     * that differ only in case are deliberate (they test that case is ignored), so they are not refused.
     */
    private static Optional<Question.ShortAnswer.Variants> variants(
            FileCheck check, String path, JsonNode node, String what) {
        if (!check.object(path, node, what, VARIANT_KEYS, Set.of())) {
            return Optional.empty();
        }
        // Entries that differ only in case or spacing are deliberate here: they test that the matcher ignores it.
        Optional<List<String>> pass = check.texts(
                path + ".pass",
                node.get("pass"),
                what + " pass",
                0,
                20,
                DisplayLimits.TYPED_ANSWER,
                "the answer form takes no more",
                false);
        Optional<List<String>> fail = check.texts(
                path + ".fail",
                node.get("fail"),
                what + " fail",
                0,
                20,
                DisplayLimits.TYPED_ANSWER,
                "the answer form takes no more",
                false);
        if (pass.isEmpty() || fail.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Question.ShortAnswer.Variants(pass.get(), fail.get()));
    }

    /** Checks the question as it will be shown against Discord's limits. */
    private static void fits(FileCheck check, String path, String what, Question question) {
        int body = QuestionText.bodyLength(question);
        if (body > DisplayLimits.EMBED_DESCRIPTION) {
            check.problem(
                    path + ".prompt",
                    what + ": prompt and options take " + body + " characters when shown;"
                            + " Discord's embed description holds " + DisplayLimits.EMBED_DESCRIPTION);
        }
        if (question instanceof Question.Open open) {
            int points = QuestionText.keyPointsLength(open.keyPoints());
            if (points > DisplayLimits.FIELD_VALUE) {
                check.problem(
                        path + ".key_points",
                        what + ": key points take " + points + " characters when shown;"
                                + " Discord's embed field value holds " + DisplayLimits.FIELD_VALUE);
            }
        }
        if (question instanceof Question.ShortAnswer) {
            int answer = QuestionText.answer(question).length();
            if (answer > DisplayLimits.FIELD_VALUE) {
                check.problem(
                        path + ".accept",
                        what + ": accepted answers take " + answer + " characters when shown;"
                                + " Discord's embed field value holds " + DisplayLimits.FIELD_VALUE);
            }
        }
        int link = QuestionText.readMore(question.source(), check.hostOf(question.source()))
                .length();
        int reveal = QuestionText.revealSize(question, body, link);
        if (link > DisplayLimits.FIELD_VALUE) {
            check.problem(
                    path + ".source",
                    what + ": the source link takes " + link + " characters when shown;"
                            + " Discord's embed field value holds " + DisplayLimits.FIELD_VALUE);
        }
        if (reveal > DisplayLimits.EMBED_TOTAL) {
            check.problem(
                    path,
                    what + ": the answer reveal would take up to " + reveal + " characters;"
                            + " a Discord embed holds " + DisplayLimits.EMBED_TOTAL + " in all (shorten the prompt,"
                            + " explanation or model answer)");
        }
    }

    private static <T> Optional<T> enumValue(
            FileCheck check,
            String path,
            JsonNode node,
            String what,
            java.util.function.Function<String, Optional<T>> parse,
            List<String> known) {
        if (node == null) {
            return Optional.empty();
        }
        if (!node.isTextual()) {
            check.problem(path, what + " must be a string, found " + FileCheck.kind(node));
            return Optional.empty();
        }
        Optional<T> value = parse.apply(node.textValue());
        if (value.isEmpty()) {
            check.problem(
                    path,
                    what + " \"" + node.textValue() + "\" is unknown; expected one of: " + String.join(", ", known));
        }
        return value;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).collect(Collectors.toUnmodifiableSet());
    }

    private static Map<QuestionType, Set<String>> byType(Map<QuestionType, Set<String>> each, Set<String> common) {
        Map<QuestionType, Set<String>> out = new java.util.EnumMap<>(QuestionType.class);
        each.forEach((type, keys) -> out.put(type, union(common, keys)));
        return out;
    }

    @SafeVarargs
    private static Set<String> all(Set<String> first, java.util.Collection<Set<String>>... rest) {
        Set<String> all = new java.util.HashSet<>(first);
        for (java.util.Collection<Set<String>> sets : rest) {
            sets.forEach(all::addAll);
        }
        return all;
    }
}
