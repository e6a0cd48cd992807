/**
 * Evaluation results as records: per-fold results, per-algorithm summaries (mean and standard
 * deviation across folds) and the {@link dev.recommender.eval.report.EvaluationReport} that prints
 * as a markdown table and writes CSV and JSON.
 */
package dev.recommender.eval.report;
