package dev.drillbit.discord;

import dev.drillbit.bank.Difficulty;
import dev.drillbit.bank.QuestionBank;
import dev.drillbit.bank.RoadmapStep;
import java.awt.Color;
import java.time.Instant;

/** Colours and small text helpers shared by the views. Stateless. */
final class Style {
    static final Color BRAND = new Color(0x5865F2);
    static final Color RIGHT = new Color(0x57F287);
    static final Color WRONG = new Color(0xED4245);
    static final Color NEUTRAL = new Color(0x99AAB5);

    private Style() {}

    static Color of(Difficulty difficulty) {
        return switch (difficulty) {
            case JUNIOR -> new Color(0x57F287);
            case MID -> new Color(0xFEE75C);
            case SENIOR -> new Color(0xEB459E);
        };
    }

    static String stepTitle(QuestionBank bank, String stepId) {
        return bank.step(stepId).map(RoadmapStep::title).orElse(stepId);
    }

    /** Discord's relative timestamp markup, rendered by clients as "in 30 seconds". */
    static String relative(Instant at) {
        return "<t:" + at.getEpochSecond() + ":R>";
    }

    /** Discord's timestamp markup in a given style ({@code t} short time, {@code F} full date), in the reader's zone. */
    static String at(Instant at, String style) {
        return "<t:" + at.getEpochSecond() + ":" + style + ">";
    }

    static String mention(long userId) {
        return "<@" + userId + ">";
    }

    static String percent(double share) {
        return Math.round(share * 100) + "%";
    }

    /** Cuts text to {@code max} characters, marking the cut. */
    static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /** A time zone as people read it: "UTC" for UTC however it is written, else its region id. */
    static String zone(java.time.ZoneId zone) {
        return zone.normalized().equals(java.time.ZoneOffset.UTC) ? "UTC" : zone.getId();
    }
}
