/**
 * The recommender API: {@link dev.recommender.core.Recommender} (ranked items for a user),
 * {@link dev.recommender.core.ItemScorer} (a point score for a pair),
 * {@link dev.recommender.core.Algorithm} (a configuration that fits a model), requests and
 * results, and shared machinery: top-K selection, {@link dev.recommender.core.DenseScoringRecommender} (the
 * recommend contract for models that score a whole catalog) and {@link dev.recommender.core.ValuePredictor}
 * (mean and clipping range of models that predict training values).
 */
package dev.recommender.core;
