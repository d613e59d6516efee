package dev.drillbit.interview;

/** Why an interview action was not taken. */
public record Refused(Reason reason) implements SubmitResult, GradeResult {

    public enum Reason {
        /** No interview is running for the member, or it is not the one the action was for (an old button). */
        NO_INTERVIEW,
        /** The action does not fit the question's phase: grading before the answer, or answering twice. */
        NOT_NOW
    }
}
