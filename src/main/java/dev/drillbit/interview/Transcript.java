package dev.drillbit.interview;

import dev.drillbit.bank.Question;
import dev.drillbit.bank.QuestionText;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * A mock interview as a Markdown file to download: each question with what the candidate typed (as a
 * quote, so their text cannot change the layout), their time, the model or accepted answer, the
 * checklist as ticked, and the score; then the report. Stateless; thread-safe.
 */
public final class Transcript {
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private Transcript() {}

    /** A file name for the transcript: {@code mock-interview-<date>-<id>.md}. */
    public static String fileName(InterviewReport report) {
        return "mock-interview-"
                + DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC).format(report.startedAt()) + "-"
                + report.id() + ".md";
    }

    public static String markdown(InterviewReport report) {
        StringBuilder md = new StringBuilder();
        md.append("# Mock interview: ")
                .append(report.level().id())
                .append(" level")
                .append(report.step().map(s -> ", step " + s).orElse(""))
                .append('\n')
                .append('\n');
        md.append(WHEN.format(report.startedAt()))
                .append(" · ")
                .append(report.results().size())
                .append(" of ")
                .append(report.planned())
                .append(" questions")
                .append(report.finished() ? "" : " (stopped early)")
                .append(" · score ")
                .append(percent(report.overall()))
                .append("\n");
        int n = 0;
        for (QuestionResult r : report.results()) {
            Question q = r.question();
            md.append("\n## ")
                    .append(++n)
                    .append(". ")
                    .append(q.step())
                    .append(" · ")
                    .append(q.difficulty().id())
                    .append(" · ")
                    .append(q.type() == dev.drillbit.bank.QuestionType.OPEN ? "open" : "short answer")
                    .append("\n\n")
                    .append(q.prompt())
                    .append("\n\n**Your answer**");
            md.append(r.overTime() ? " (over time, " : " (")
                    .append(seconds(r.took()))
                    .append(")\n\n");
            md.append(r.typed().map(Transcript::quote).orElse("_Thought through without typing._"))
                    .append("\n\n");
            if (q instanceof Question.Open open) {
                md.append("**Model answer**\n\n").append(open.modelAnswer()).append("\n\n**Key points**\n\n");
            } else {
                md.append("**Accepted answer:** ")
                        .append(QuestionText.answer(q))
                        .append("\n\n");
                r.autoChecked()
                        .ifPresent(ok -> md.append(ok ? "Checked: accepted.\n\n" : "Checked: not accepted.\n\n"));
            }
            for (int i = 0; i < r.checklist().size(); i++) {
                md.append("- [")
                        .append(r.ticked().contains(i) ? 'x' : ' ')
                        .append("] ")
                        .append(r.checklist().get(i))
                        .append('\n');
            }
            md.append(r.checklist().isEmpty() ? "" : "\n")
                    .append("**Score:** ")
                    .append(percent(r.score()))
                    .append(r.addedToDeck() ? " · added to your review deck" : "")
                    .append('\n');
        }
        md.append("\n## Report\n\n**Overall:** ")
                .append(percent(report.overall()))
                .append("\n\n");
        if (!report.byStep().isEmpty()) {
            md.append("| step | score |\n|---|---|\n");
            for (Map.Entry<String, Double> e : report.byStep().entrySet()) {
                md.append("| ")
                        .append(e.getKey())
                        .append(" | ")
                        .append(percent(e.getValue()))
                        .append(" |\n");
            }
            md.append('\n');
        }
        md.append("**Strong:** ")
                .append(report.strong().isEmpty() ? "none yet" : String.join(", ", report.strong()))
                .append("\n\n**Weak:** ")
                .append(report.weak().isEmpty() ? "none" : String.join(", ", report.weak()))
                .append("\n\n**To review:**")
                .append(report.toReview().isEmpty() ? " nothing\n" : "\n\n");
        for (Question q : report.toReview()) {
            md.append("- ")
                    .append(q.id())
                    .append(": ")
                    .append(firstLine(q.prompt()))
                    .append('\n');
        }
        md.append("\n**Added to your review deck:** ")
                .append(report.addedToDeck().isEmpty() ? "none" : String.join(", ", report.addedToDeck()))
                .append('\n');
        return md.toString();
    }

    private static String quote(String text) {
        return "> " + text.replace("\r\n", "\n").replace("\n", "\n> ");
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    static String percent(double score) {
        return Math.round(score * 100) + "%";
    }

    private static String seconds(java.time.Duration d) {
        return d.toSeconds() + " s";
    }
}
