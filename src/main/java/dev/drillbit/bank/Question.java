package dev.drillbit.bank;

import java.util.List;

/**
 * One interview question, as loaded from a pack. The permitted records are the four question types;
 * a switch over them is checked for exhaustiveness by the compiler. Instances are immutable and safe to
 * share between threads.
 */
public sealed interface Question
        permits Question.MultipleChoice, Question.TrueFalse, Question.ShortAnswer, Question.Open {

    /** Unique across the bank and stable forever: scores and review decks refer to it. */
    String id();

    /** The id of the roadmap step this question belongs to. */
    String step();

    Difficulty difficulty();

    String prompt();

    /** Why the answer is right and where it matters in practice. */
    String explanation();

    /**
     * A primary source backing the answer (an RFC, the official documentation, the specification): a
     * well-formed https URL with a host, checked when the bank loads. Shown as "Read more" after the reveal.
     */
    String source();

    List<String> tags();

    QuestionType type();

    /** Options shown as A to E in the message body; {@code why} holds one line per option. */
    record MultipleChoice(
            String id,
            String step,
            Difficulty difficulty,
            String prompt,
            String explanation,
            String source,
            List<String> tags,
            List<String> options,
            int answer,
            List<String> why)
            implements Question {
        public MultipleChoice {
            tags = List.copyOf(tags);
            options = List.copyOf(options);
            why = List.copyOf(why);
        }

        @Override
        public QuestionType type() {
            return QuestionType.MULTIPLE_CHOICE;
        }

        /** The letter shown for the option at {@code index}: A, B, C, D or E. */
        public static char letter(int index) {
            return (char) ('A' + index);
        }
    }

    record TrueFalse(
            String id,
            String step,
            Difficulty difficulty,
            String prompt,
            String explanation,
            String source,
            List<String> tags,
            boolean answer)
            implements Question {
        public TrueFalse {
            tags = List.copyOf(tags);
        }

        @Override
        public QuestionType type() {
            return QuestionType.TRUE_FALSE;
        }
    }

    /**
     * Typed answers, matched against {@code accept} and kept away from {@code reject}. {@code variants} are
     * the author's test cases for the matcher; members never see them.
     */
    record ShortAnswer(
            String id,
            String step,
            Difficulty difficulty,
            String prompt,
            String explanation,
            String source,
            List<String> tags,
            List<String> accept,
            List<String> reject,
            Variants variants)
            implements Question {
        public ShortAnswer {
            tags = List.copyOf(tags);
            accept = List.copyOf(accept);
            reject = List.copyOf(reject);
            java.util.Objects.requireNonNull(variants, "variants");
        }

        /**
         * Answers a member might type: {@code pass} ones the matcher must accept, {@code fail} ones (near
         * misses) it must refuse. A test runs every shipped question's variants through the real matcher.
         */
        public record Variants(List<String> pass, List<String> fail) {
            /** A question whose author listed no variants. */
            public static final Variants NONE = new Variants(List.of(), List.of());

            public Variants {
                pass = List.copyOf(pass);
                fail = List.copyOf(fail);
            }
        }

        @Override
        public QuestionType type() {
            return QuestionType.SHORT_ANSWER;
        }
    }

    /** Interview-style question: the learner grades themselves against the key points. */
    record Open(
            String id,
            String step,
            Difficulty difficulty,
            String prompt,
            String explanation,
            String source,
            List<String> tags,
            List<String> keyPoints,
            String modelAnswer)
            implements Question {
        public Open {
            tags = List.copyOf(tags);
            keyPoints = List.copyOf(keyPoints);
        }

        @Override
        public QuestionType type() {
            return QuestionType.OPEN;
        }
    }
}
