/**
 * What the answers say about the questions: per-question counts ({@link dev.drillbit.insights.QuestionStats},
 * added up by {@link dev.drillbit.insights.QuestionCounter}) and the quality report that flags questions
 * that look broken ({@link dev.drillbit.insights.QuestionQuality}). Pure; the counts come from a store.
 */
package dev.drillbit.insights;
