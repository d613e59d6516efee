package dev.drillbit.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes a valid bank of a given size: the shipped roadmap and schemas, and each shipped pack's questions
 * repeated under new ids ({@code apis-001-v2}, ...) until the bank holds exactly {@code size} questions
 * (at least one per pack).
 * Every generated question is a real one, so the loader validates real content. Stateless.
 */
final class BankGenerator {
    private BankGenerator() {}

    static Path generate(Path shipped, Path to, int size) throws IOException {
        ObjectMapper json = new ObjectMapper();
        DurableRecording.deleteTree(to);
        Files.createDirectories(to.resolve("schema"));
        Files.copy(shipped.resolve("roadmap.json"), to.resolve("roadmap.json"), StandardCopyOption.REPLACE_EXISTING);
        try (Stream<Path> schemas = Files.list(shipped.resolve("schema"))) {
            for (Path s : schemas.toList()) {
                Files.copy(s, to.resolve("schema").resolve(s.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Map<Path, ObjectNode> packs = new LinkedHashMap<>();
        Map<Path, List<JsonNode>> shippedQuestions = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(shipped)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".json") && !f.endsWith("roadmap.json"))
                    .sorted()
                    .toList()) {
                ObjectNode pack = (ObjectNode) json.readTree(f.toFile());
                ObjectNode copy = pack.deepCopy();
                copy.putArray("questions");
                packs.put(f.getFileName(), copy);
                List<JsonNode> questions = new ArrayList<>();
                pack.path("questions").forEach(questions::add);
                shippedQuestions.put(f.getFileName(), questions);
            }
        }
        // Round-robin over the packs so that every pack has questions at any size of at least one per pack.
        List<Path> names = new ArrayList<>(packs.keySet());
        for (int i = 0; i < size; i++) {
            Path name = names.get(i % names.size());
            List<JsonNode> questions = shippedQuestions.get(name);
            int k = i / names.size();
            int round = k / questions.size();
            ObjectNode q = questions.get(k % questions.size()).deepCopy();
            if (round > 0) {
                q.put("id", q.path("id").asText() + "-v" + (round + 1));
            }
            ((ArrayNode) packs.get(name).path("questions")).add(q);
        }
        for (Map.Entry<Path, ObjectNode> pack : packs.entrySet()) {
            json.writerWithDefaultPrettyPrinter()
                    .writeValue(to.resolve(pack.getKey()).toFile(), pack.getValue());
        }
        return to;
    }
}
