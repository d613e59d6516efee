/**
 * The learning loop: FSRS scheduling ({@link dev.drillbit.learning.Fsrs}), how answers rate cards
 * ({@link dev.drillbit.learning.ReviewRatings}), the review loop the adapter drives
 * ({@link dev.drillbit.learning.Reviews}), roadmap mastery ({@link dev.drillbit.learning.RoadmapProgress}),
 * the deck export, and the ports it keeps its state behind ({@link dev.drillbit.learning.LearningStore}).
 */
package dev.drillbit.learning;
