/**
 * The recommender API: {@link dev.recommender.core.Recommender} (ranked items for a user),
 * {@link dev.recommender.core.ItemScorer} (a point score for a pair),
 * {@link dev.recommender.core.Algorithm} (a configuration that fits a model), requests and
 * results, and shared machinery for top-K selection.
 */
package dev.recommender.core;
