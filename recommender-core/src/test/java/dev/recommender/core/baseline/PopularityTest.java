package dev.recommender.core.baseline;

import dev.recommender.core.RecommendRequest;
import dev.recommender.core.Recommender;
import dev.recommender.core.RecommenderContractTest;
import dev.recommender.core.data.Interactions;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PopularityTest extends RecommenderContractTest {
    @Override
    protected Recommender fit(Interactions training) {
        return Popularity.Config.defaults().fit(training);
    }

    private static Interactions tiny() {
        // item c: 3 users, a: 2 users, b: 2 users, d: 1 user
        return Interactions.builder()
                .add("u1", "a", 5).add("u1", "c", 1)
                .add("u2", "b", 2).add("u2", "c", 2)
                .add("u3", "a", 1).add("u3", "b", 1).add("u3", "c", 4)
                .add("u4", "d", 5)
                .build();
    }

    @Test
    void ranksByNumberOfUsersWithTiesInCatalogOrder() {
        Popularity model = Popularity.Config.defaults().fit(tiny());
        // catalog order is first appearance: a, c, b, d; a and b tie at 2 users, a comes first
        assertEquals(List.of("c", "a", "b", "d"), model.recommend("stranger", 4).itemIds());
        // the fallback's scores are shares of the most popular item's users: 3/3, 2/3, 2/3, 1/3
        double[] scores = model.recommend("stranger", 4).items().stream().mapToDouble(i -> i.score()).toArray();
        org.junit.jupiter.api.Assertions.assertArrayEquals(new double[] {1, 2.0 / 3, 2.0 / 3, 1.0 / 3}, scores, 1e-6);
        assertEquals(3, model.userCount("c"));
        assertEquals(0, model.userCount("zzz"));
    }

    @Test
    void knownUserGetsPopularUnseenItemsWithoutFallback() {
        Popularity model = Popularity.Config.defaults().fit(tiny());
        var answer = model.recommend("u1", 10);
        assertFalse(answer.fallback());
        assertEquals(List.of("b", "d"), answer.itemIds());
        assertTrue(model.recommend("stranger", 1).fallback());
        assertEquals(List.of("c", "a"),
                model.recommend("u1", RecommendRequest.builder(2).excludeSeen(false).build()).itemIds());
    }

    @Test
    void refusesEmptyTrainingData() {
        Interactions empty = Interactions.builder().build();
        var error = assertThrows(IllegalArgumentException.class, () -> Popularity.Config.defaults().fit(empty));
        assertEquals("training interactions are empty", error.getMessage());
    }
}
