package dev.drillbit.quiz;

/** What a member gave as an answer, one kind per answer widget. Immutable. */
public sealed interface Response permits Response.Choice, Response.Truth, Response.Text, Response.Graded {

    /** A lettered option of a multiple-choice question, 0 for A. */
    record Choice(int index) implements Response {}

    /** A true/false button. */
    record Truth(boolean value) implements Response {}

    /** A typed short answer. */
    record Text(String value) implements Response {}

    /** A self-grade of an open question against its key points. */
    record Graded(SelfGrade grade) implements Response {}
}
