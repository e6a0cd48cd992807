/**
 * Evaluation metrics as pure static functions over plain arrays: rating error
 * ({@link dev.recommender.eval.metric.RatingMetrics}), accuracy of one ranked list against a
 * user's held-out items ({@link dev.recommender.eval.metric.RankingMetrics}) and properties of all
 * lists together ({@link dev.recommender.eval.metric.CatalogMetrics}). Definitions follow the
 * peer harness's protocol B (docs/protocols.md) where it defines them.
 */
package dev.recommender.eval.metric;
