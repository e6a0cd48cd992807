/**
 * The recommender API: {@link dev.recommender.core.Recommender} (ranked items for a user),
 * {@link dev.recommender.core.ItemScorer} (a point score for a pair),
 * {@link dev.recommender.core.Algorithm} (a configuration that fits a model on a
 * {@link dev.recommender.core.TrainingData}: an event log and the {@code Signals} that turn its events
 * into rating and implicit values, each aggregation computed once; every configuration names its
 * {@link dev.recommender.core.TrainingInput}), the int-level paths
 * {@link dev.recommender.core.IndexedRecommender} and {@link dev.recommender.core.IndexedScorer}
 * (models number users and items like the log they were fitted on; strings stay at the edges),
 * requests and results, and shared machinery: top-K selection, {@link dev.recommender.core.DenseScoringRecommender} (the
 * recommend contract for models that score a whole catalog) and {@link dev.recommender.core.ValuePredictor}
 * (mean and clipping range of models that predict training values).
 */
package dev.recommender.core;
