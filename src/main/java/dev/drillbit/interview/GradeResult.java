package dev.drillbit.interview;

/** The outcome of ticking key points: the next question, the report after the last, or a refusal. */
public sealed interface GradeResult permits GradeResult.Next, GradeResult.Finished, Refused {

    record Next(QuestionResult graded, Asked next) implements GradeResult {}

    record Finished(QuestionResult graded, InterviewReport report) implements GradeResult {}
}
