package dev.recommender.core;

/**
 * Marks a model whose {@link ItemScorer#score(String, String) score} is a prediction of the training
 * value itself (a rating, an engagement rate), not only a ranking score. Only such models get rating
 * metrics (RMSE, MAE) in evaluation reports; models that only rank (implicit ALS, two-tower, popularity,
 * a retrieval stage) show "—" there, because their scores are on no value scale.
 *
 * <p>Implemented by {@link ValuePredictor} (bias baseline, SVD) and the two-stage model, whose score is
 * its ranker's predicted engagement rate.
 */
public interface PointPredictor extends ItemScorer {
}
