package dev.recommender.spark;

import dev.recommender.core.RecommendRequest;
import dev.recommender.core.ScoredItem;
import dev.recommender.core.data.Interactions;
import dev.recommender.core.retrieval.ImplicitAls;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Planted structure through {@link SparkAlsAlgorithm} (the evaluator's path): two communities of 30 users and 20
 * items each; every user knows 8 items of their own community. Implicit ALS recommends only own-community items;
 * explicit ALS on 5-star own-community and 1-star cross ratings predicts the unseen own-community items higher.
 */
class SparkAlsPlantedTest {
    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = LocalSpark.start();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void implicitAlsRecommendsTheUsersCommunity() {
        ImplicitAls model = new SparkAlsAlgorithm(spark, new SparkAls.Config(true, 4, 10, 0.1, 5.0, 3L, 2))
                .fit(planted(false));
        assertEquals(SparkAlsAlgorithm.NAME, new SparkAlsAlgorithm(spark, SparkAls.Config.implicitDefaults()).name());
        for (int group = 0; group < 2; group++) {
            for (int u = 0; u < 30; u++) {
                String user = user(group, u);
                for (ScoredItem item : model.recommend(user, RecommendRequest.top(5)).items()) {
                    assertTrue(item.itemId().startsWith("g" + group + "-item"), () -> user + " got " + item);
                }
            }
        }
    }

    @Test
    void explicitAlsPredictsTheCommunityHigher() {
        Interactions ratings = planted(true);
        ImplicitAls model = new SparkAlsAlgorithm(spark, new SparkAls.Config(false, 4, 10, 0.05, 1.0, 3L, 2))
                .fit(ratings);
        for (int group = 0; group < 2; group++) {
            for (int u = 0; u < 30; u++) {
                String user = user(group, u);
                double own = 0;
                double other = 0;
                int ownCount = 0;
                int otherCount = 0;
                for (int i = 0; i < 20; i++) {
                    if (ratings.value(user, item(group, i)).isEmpty()) {
                        own += model.score(user, item(group, i));
                        ownCount++;
                    }
                    if (ratings.value(user, item(1 - group, i)).isEmpty()) {
                        other += model.score(user, item(1 - group, i));
                        otherCount++;
                    }
                }
                double ownMean = own / ownCount;
                double otherMean = other / otherCount;
                assertTrue(ownMean > otherMean + 1, () -> user + ": own " + ownMean + ", other " + otherMean);
            }
        }
    }

    @Test
    void emptyTrainingIsRefused() {
        SparkAlsAlgorithm algorithm = new SparkAlsAlgorithm(spark, SparkAls.Config.implicitDefaults());
        assertThrows(IllegalArgumentException.class, () -> algorithm.fit(Interactions.builder().build()));
        assertThrows(IllegalArgumentException.class, () -> new SparkAls.Config(true, 0, 10, 0.1, 1, 1, 1));
    }

    /** 8 own-community items per user (value 1, or rating 5); with ratings, 3 other-community items rated 1. */
    private static Interactions planted(boolean ratings) {
        Random random = new Random(5);
        Interactions.Builder builder = Interactions.builder();
        for (int group = 0; group < 2; group++) {
            for (int u = 0; u < 30; u++) {
                List<Integer> own = shuffled(random);
                for (int k = 0; k < 8; k++) {
                    builder.add(user(group, u), item(group, own.get(k)), ratings ? 5f : 1f);
                }
                if (ratings) {
                    List<Integer> other = shuffled(random);
                    for (int k = 0; k < 3; k++) {
                        builder.add(user(group, u), item(1 - group, other.get(k)), 1f);
                    }
                }
            }
        }
        return builder.build();
    }

    private static List<Integer> shuffled(Random random) {
        List<Integer> items = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            items.add(i);
        }
        Collections.shuffle(items, random);
        return items;
    }

    private static String user(int group, int u) {
        return "g" + group + "-user" + u;
    }

    private static String item(int group, int i) {
        return "g" + group + "-item" + i;
    }
}
