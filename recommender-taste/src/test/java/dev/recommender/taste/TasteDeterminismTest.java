package dev.recommender.taste;

import dev.recommender.core.Algorithm;
import dev.recommender.core.data.Interactions;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Same data and seed give the same model; the seed matters; ALS does not depend on the thread count. */
class TasteDeterminismTest {

    /** Every (user, item) score of the fixture, users and items in catalog order. */
    private static double[] allScores(TasteRecommender model, Interactions data) {
        double[] scores = new double[data.userCount() * data.itemCount()];
        int k = 0;
        for (String user : data.users().ids()) {
            for (String item : data.items().ids()) {
                scores[k++] = model.score(user, item);
            }
        }
        return scores;
    }

    private static void assertRepeatable(Algorithm<TasteRecommender> algorithm, Interactions data) {
        double[] first = allScores(algorithm.fit(dev.recommender.core.TrainingData.of(data)), data);
        double[] second = allScores(algorithm.fit(dev.recommender.core.TrainingData.of(data)), data);
        assertArrayEquals(first, second, 0.0, algorithm.toString());
    }

    private static int differingScores(double[] a, double[] b) {
        int differing = 0;
        for (int k = 0; k < a.length; k++) {
            differing += a[k] == b[k] ? 0 : 1;
        }
        return differing;
    }

    @Test
    void sgdIsRepeatableAndFollowsItsSeed() {
        Interactions ratings = PlantedGroups.ratings();
        TasteSgd sgd = TasteSgd.defaults().withIterations(5);
        assertRepeatable(sgd, ratings);
        double[] seed42 = allScores(sgd.fit(ratings), ratings);
        double[] seed7 = allScores(sgd.withSeed(7).fit(ratings), ratings);
        // training pairs score their training value in Taste; the 40 x 60 - 440 others are estimates
        int estimates = 40 * 60 - ratings.size();
        assertTrue(differingScores(seed42, seed7) > estimates / 2,
                "a different seed changes the initialisation and the visiting order");
    }

    @Test
    void alsIsRepeatableAndIndependentOfThreads() {
        Interactions ratings = PlantedGroups.ratings();
        TasteAls als = TasteAls.defaults().withFactors(3).withIterations(3);
        assertRepeatable(als, ratings);
        assertArrayEquals(allScores(als.withThreads(1).fit(ratings), ratings),
                allScores(als.withThreads(3).fit(ratings), ratings), 0.0);
        Interactions binary = PlantedGroups.binary();
        TasteAlsImplicit implicit = TasteAlsImplicit.defaults().withFactors(3).withIterations(3);
        assertRepeatable(implicit, binary);
        assertArrayEquals(allScores(implicit.withThreads(1).fit(binary), binary),
                allScores(implicit.withThreads(3).fit(binary), binary), 0.0);
        double[] seed42 = allScores(implicit.fit(binary), binary);
        double[] seed7 = allScores(implicit.withSeed(7).fit(binary), binary);
        assertTrue(differingScores(seed42, seed7) > seed42.length / 2, "the seed changes the random start");
    }

    @Test
    void samplingCandidatesAreRepeatable() {
        Interactions binary = PlantedGroups.binary();
        TasteItemBased sampling = TasteItemBased.defaults().withCandidates(TasteItemBased.Candidates.SAMPLING)
                .withSamplingFactor(1);
        TasteRecommender first = sampling.fit(binary);
        TasteRecommender second = sampling.fit(binary);
        for (String user : binary.users().ids()) {
            assertEquals(first.recommend(user, 10), second.recommend(user, 10), user);
        }
    }

    @Test
    void samplingConsidersFewerItemsThanTheExactNeighbourhood() {
        Interactions binary = PlantedGroups.binary();
        TasteRecommender exact = TasteItemBased.defaults().fit(binary);
        TasteRecommender sampled = TasteItemBased.defaults().withCandidates(TasteItemBased.Candidates.SAMPLING)
                .withSamplingFactor(1).fit(binary);
        // factor 1 keeps 1 x (1 + log2 n) of each list: 6 of a user's 8 or 9 items, 6 users per item
        // and 6 items per user, so fewer items are reached; those reached keep their exact score
        int exactItems = 0;
        int sampledItems = 0;
        for (String user : binary.users().ids()) {
            var all = exact.recommend(user, 100);
            var some = sampled.recommend(user, 100);
            exactItems += all.size();
            sampledItems += some.size();
            for (var item : some.items()) {
                assertEquals(all.items().stream().filter(i -> i.itemId().equals(item.itemId())).findFirst()
                        .orElseThrow().score(), item.score(), 1e-6, item.itemId());
            }
        }
        assertTrue(sampledItems < exactItems, sampledItems + " sampled against " + exactItems + " exact");
    }
}
