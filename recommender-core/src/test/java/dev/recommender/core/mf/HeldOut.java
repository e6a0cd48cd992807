package dev.recommender.core.mf;

import dev.recommender.core.ItemScorer;
import dev.recommender.core.data.Interactions;

import java.util.SplittableRandom;

/** What the planted-data tests of this package share: drawing items by weight and the held-out RMSE. */
final class HeldOut {
    private HeldOut() {
    }

    /**
     * The RMSE of a model's point scores on held-out pairs (unknown ids get the model's fallback).
     *
     * @param model the model
     * @param test  the held-out pairs
     * @return the root mean squared error
     */
    static double rmse(ItemScorer model, Interactions test) {
        double sum = 0;
        for (int user = 0; user < test.userCount(); user++) {
            for (int e = test.userStart(user); e < test.userEnd(user); e++) {
                double error = model.score(test.users().id(user), test.items().id(test.itemAt(e))) - test.value(e);
                sum += error * error;
            }
        }
        return Math.sqrt(sum / test.size());
    }

    /**
     * Draws one index with probability proportional to its weight and sets that weight to 0 (so repeated calls
     * draw without replacement).
     *
     * @param weight non-negative weights, at least one positive
     * @param random the generator
     * @return the drawn index
     */
    static int drawAndRemove(double[] weight, SplittableRandom random) {
        double total = 0;
        for (double w : weight) {
            total += w;
        }
        double target = random.nextDouble() * total;
        int item = 0;
        while (item < weight.length - 1 && (target -= weight[item]) > 0) {
            item++;
        }
        weight[item] = 0;
        return item;
    }
}
