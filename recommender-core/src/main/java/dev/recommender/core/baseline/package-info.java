/**
 * Non-personalised and bias baselines every model must beat: {@link dev.recommender.core.baseline.Popularity}
 * (most training users first) and {@link dev.recommender.core.baseline.Baseline} (global mean plus
 * damped user and item biases), with their model-file codecs.
 */
package dev.recommender.core.baseline;
