package dev.drillbit.packs;

import dev.drillbit.bank.Question;

/**
 * A server question's id as the rest of drillbit sees it: {@code g<guild>:<id>}, the author's id behind its
 * server's prefix, so it never collides with a shipped id (which has no colon) or another server's. Scores,
 * decks and daily runs keep this form; a pack removed later leaves ids nothing answers to, which every
 * reader already skips, as it does a retired shipped id.
 */
public final class ServerIds {
    private ServerIds() {}

    public static String prefix(long guildId) {
        return "g" + guildId + ":";
    }

    public static String of(long guildId, String authorId) {
        return prefix(guildId) + authorId;
    }

    /** The id as the pack's author wrote it. */
    public static String local(String id) {
        int colon = id.indexOf(':');
        return colon < 0 ? id : id.substring(colon + 1);
    }

    /** The question with its id moved into the server's namespace. */
    static Question namespaced(long guildId, Question q) {
        String id = of(guildId, q.id());
        if (q instanceof Question.MultipleChoice m) {
            return new Question.MultipleChoice(
                    id,
                    m.step(),
                    m.difficulty(),
                    m.prompt(),
                    m.explanation(),
                    m.source(),
                    m.tags(),
                    m.options(),
                    m.answer(),
                    m.why());
        }
        if (q instanceof Question.TrueFalse t) {
            return new Question.TrueFalse(
                    id, t.step(), t.difficulty(), t.prompt(), t.explanation(), t.source(), t.tags(), t.answer());
        }
        if (q instanceof Question.ShortAnswer s) {
            return new Question.ShortAnswer(
                    id,
                    s.step(),
                    s.difficulty(),
                    s.prompt(),
                    s.explanation(),
                    s.source(),
                    s.tags(),
                    s.accept(),
                    s.reject(),
                    s.variants());
        }
        Question.Open o = (Question.Open) q;
        return new Question.Open(
                id,
                o.step(),
                o.difficulty(),
                o.prompt(),
                o.explanation(),
                o.source(),
                o.tags(),
                o.keyPoints(),
                o.modelAnswer());
    }
}
