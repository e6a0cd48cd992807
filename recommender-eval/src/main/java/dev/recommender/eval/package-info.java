/**
 * Offline evaluation of recommenders: the {@link dev.recommender.eval.Evaluator} fits every
 * {@link dev.recommender.core.Algorithm} on the same splits and measures rating and ranking
 * metrics by one code path (each split's training events become one
 * {@link dev.recommender.core.TrainingData} shared by all algorithms, in the log's numbering, so a
 * model is asked by index); {@link dev.recommender.eval.Protocol} names the protocols behind the
 * reported numbers (the seed notebook's, the peer harness's A and B); {@link dev.recommender.eval.Tuner} picks a configuration from a
 * {@link dev.recommender.eval.ParameterGrid} (grid or random search) on a validation carve of the training
 * side only and refits it, also inside every fold of an evaluation. Splitters live in {@code dev.recommender.eval.split}, metrics in
 * {@code dev.recommender.eval.metric}, report records in {@code dev.recommender.eval.report}.
 */
package dev.recommender.eval;
