package dev.drillbit.bank;

import java.util.List;

/** One step of the backend roadmap, in the order a learner meets it. Immutable. */
public record RoadmapStep(
        String id, String title, String summary, List<String> concepts, String checkpoint, List<Resource> resources) {

    public RoadmapStep {
        concepts = List.copyOf(concepts);
        resources = List.copyOf(resources);
    }

    /** A primary source worth reading for the step. */
    public record Resource(String title, String url) {}
}
