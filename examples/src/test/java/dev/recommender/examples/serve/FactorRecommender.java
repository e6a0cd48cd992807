package dev.recommender.examples.serve;

import dev.recommender.core.DenseScoringRecommender;
import dev.recommender.core.SeenItems;

/**
 * Test and benchmark model shaped like a matrix factorization: the score of (user, item) is the dot
 * product of their factor vectors, computed per request (O(items × factors)), so the HTTP benchmark
 * pays a realistic scoring cost.
 */
public final class FactorRecommender extends DenseScoringRecommender {
    private final int factors;
    private final float[] userFactors;
    private final float[] itemFactors;

    FactorRecommender(SeenItems seen, int factors, float[] userFactors, float[] itemFactors) {
        super(seen);
        if (userFactors.length != seen.users().size() * factors || itemFactors.length != seen.items().size() * factors) {
            throw new IllegalArgumentException("factor arrays do not match " + factors + " factors");
        }
        this.factors = factors;
        this.userFactors = userFactors.clone();
        this.itemFactors = itemFactors.clone();
    }

    @Override
    public String name() {
        return "test-factors";
    }

    @Override
    protected void scoreAll(int userIndex, float[] scores) {
        int u = userIndex * factors;
        for (int i = 0, n = scores.length; i < n; i++) {
            int v = i * factors;
            float dot = 0f;
            for (int f = 0; f < factors; f++) {
                dot += userFactors[u + f] * itemFactors[v + f];
            }
            scores[i] = dot;
        }
    }

    int factors() {
        return factors;
    }

    float[] userFactors() {
        return userFactors.clone();
    }

    float[] itemFactors() {
        return itemFactors.clone();
    }
}
