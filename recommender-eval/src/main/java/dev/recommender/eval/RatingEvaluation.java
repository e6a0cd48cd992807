package dev.recommender.eval;

import dev.recommender.core.IndexedScorer;
import dev.recommender.core.ItemScorer;
import dev.recommender.core.data.Interactions;
import dev.recommender.eval.metric.RatingMetrics;

/**
 * The rating half of an evaluation: every test pair predicted (by index for a model fitted on the
 * fold's numbering, by id for a peer), unknown and non-finite predictions handled as
 * {@link EvaluationOptions} says, RMSE and MAE. Stateless.
 */
final class RatingEvaluation {
    private RatingEvaluation() {
    }

    static Result predict(ItemScorer scorer, EvaluationFold fold, EvaluationOptions options, Evaluator.UserLoop users) {
        long start = System.nanoTime();
        Interactions train = fold.train;
        Interactions test = fold.test;
        if (test.size() == 0) {
            return new Result(Double.NaN, Double.NaN, 0, 0, Evaluator.seconds(start));
        }
        double globalMean = train.meanValue();
        ValueRange range = options.clip().orElse(new ValueRange(train.minValue(), train.maxValue()));
        int userCount = test.userCount();
        double[] predicted = new double[test.size()];
        double[] actual = new double[test.size()];
        int[] unknown = new int[userCount];
        int[] nonFinite = new int[userCount];
        // a model fitted on the fold's training data numbers users and items like the test side: it
        // is asked by index; any other scorer (a peer) by id
        IndexedScorer indexed = scorer instanceof IndexedScorer candidate && candidate.users() == test.users()
                && candidate.items() == test.items() ? candidate : null;
        users.forEachUser(userCount, user -> {
            int degree = test.userDegree(user);
            if (degree == 0) {
                return;
            }
            int[] items = test.itemsOf(user);
            float[] scores = new float[degree];
            if (indexed != null) {
                indexed.scoreInto(user, items, scores);
            } else {
                String userId = test.users().id(user);
                for (int k = 0; k < degree; k++) {
                    scores[k] = (float) scorer.score(userId, test.items().id(items[k]));
                }
            }
            boolean userKnown = fold.knowsUser(user);
            for (int k = 0, entry = test.userStart(user); k < degree; k++, entry++) {
                double prediction;
                boolean known = userKnown && fold.knowsItem(items[k]);
                if (!known) {
                    unknown[user]++;
                }
                if (!known && options.unknownPairs() == EvaluationOptions.UnknownPairs.GLOBAL_MEAN) {
                    prediction = globalMean;
                } else {
                    prediction = scores[k];
                    if (!Double.isFinite(prediction)) {
                        nonFinite[user]++;
                        prediction = globalMean;
                    }
                }
                predicted[entry] = range.clip(prediction);
                actual[entry] = test.value(entry);
            }
        });
        return new Result(RatingMetrics.rmse(predicted, actual), RatingMetrics.mae(predicted, actual),
                Evaluator.sum(unknown), Evaluator.sum(nonFinite), Evaluator.seconds(start));
    }

    /** The rating metrics of one model on one fold. */
    record Result(double rmse, double mae, int unknownPairs, int nonFinite, double seconds) {
        static final Result NONE = new Result(Double.NaN, Double.NaN, 0, 0, Double.NaN);
    }
}
