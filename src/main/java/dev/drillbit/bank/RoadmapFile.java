package dev.drillbit.bank;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads {@code roadmap.json} into steps, reporting every problem. Stateless. */
final class RoadmapFile {
    static final String NAME = "roadmap.json";

    private RoadmapFile() {}

    /** The steps that are valid, and every step id the roadmap declares (valid or not). */
    record Roadmap(List<RoadmapStep> steps, Set<String> declaredIds) {}

    static Roadmap read(FileCheck check) {
        List<RoadmapStep> steps = new ArrayList<>();
        Set<String> declared = new java.util.HashSet<>();
        JsonNode root = check.root();
        if (!check.object("$", root, "the roadmap", Set.of("steps"), Set.of("$schema"))) {
            return new Roadmap(steps, declared);
        }
        JsonNode list = root.get("steps");
        if (list == null) {
            return new Roadmap(steps, declared);
        }
        if (!list.isArray() || list.isEmpty()) {
            check.problem("$.steps", "\"steps\" must be a non-empty list of roadmap steps");
            return new Roadmap(steps, declared);
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            String path = "$.steps[" + i + "]";
            if (list.get(i).path("id").isTextual()) {
                declared.add(list.get(i).path("id").textValue());
            }
            Optional<RoadmapStep> step = step(check, path, list.get(i), i + 1);
            step.ifPresent(s -> {
                Integer earlier = seen.putIfAbsent(s.id(), steps.size());
                if (earlier != null) {
                    check.problem(path + ".id", "step id \"" + s.id() + "\" is used twice in the roadmap");
                } else {
                    steps.add(s);
                }
            });
        }
        return new Roadmap(steps, declared);
    }

    private static Optional<RoadmapStep> step(FileCheck check, String path, JsonNode node, int number) {
        String what = "step " + number;
        if (!check.object(
                path, node, what, Set.of("id", "title", "summary", "concepts", "checkpoint"), Set.of("resources"))) {
            return Optional.empty();
        }
        Optional<String> id = check.id(path + ".id", node.get("id"), what + " id");
        String named = id.map(s -> "step " + s).orElse(what);
        Optional<String> title =
                check.text(path + ".title", node.get("title"), named + " title", 80, "titles are select-menu labels");
        Optional<String> summary = check.text(
                path + ".summary",
                node.get("summary"),
                named + " summary",
                DisplayLimits.SUMMARY,
                "a summary is one or two sentences");
        Optional<List<String>> concepts = check.texts(
                path + ".concepts",
                node.get("concepts"),
                named + " concepts",
                1,
                25,
                100,
                "a concept is a short name",
                true);
        Optional<String> checkpoint = check.text(
                path + ".checkpoint",
                node.get("checkpoint"),
                named + " checkpoint",
                300,
                "a checkpoint is one sentence");
        List<RoadmapStep.Resource> resources = new ArrayList<>();
        boolean resourcesOk = true;
        JsonNode list = node.get("resources");
        if (list != null) {
            if (!list.isArray() || list.size() > 5) {
                check.problem(path + ".resources", named + " resources must be a list of at most 5");
                resourcesOk = false;
            } else {
                for (int i = 0; i < list.size(); i++) {
                    Optional<RoadmapStep.Resource> resource = resource(
                            check, path + ".resources[" + i + "]", list.get(i), named + " resource " + (i + 1));
                    resource.ifPresent(resources::add);
                    resourcesOk &= resource.isPresent();
                }
            }
        }
        if (id.isEmpty()
                || title.isEmpty()
                || summary.isEmpty()
                || concepts.isEmpty()
                || checkpoint.isEmpty()
                || !resourcesOk) {
            return Optional.empty();
        }
        return Optional.of(
                new RoadmapStep(id.get(), title.get(), summary.get(), concepts.get(), checkpoint.get(), resources));
    }

    private static Optional<RoadmapStep.Resource> resource(FileCheck check, String path, JsonNode node, String what) {
        if (!check.object(path, node, what, Set.of("title", "url"), Set.of())) {
            return Optional.empty();
        }
        Optional<String> title =
                check.text(path + ".title", node.get("title"), what + " title", 100, "link titles stay short");
        Optional<String> url = check.text(path + ".url", node.get("url"), what + " url", 300, "links stay short");
        if (url.isPresent() && !url.get().matches("https://\\S+")) {
            check.problem(path + ".url", what + " url must start with https:// and contain no spaces");
            return Optional.empty();
        }
        return title.isPresent() && url.isPresent()
                ? Optional.of(new RoadmapStep.Resource(title.get(), url.get()))
                : Optional.empty();
    }
}
