package dev.recommender.taste;

import dev.recommender.core.RecommendRequest;
import dev.recommender.core.Recommendations;
import dev.recommender.core.ScoredItem;
import dev.recommender.core.data.Interactions;
import org.apache.mahout.cf.taste.common.TasteException;
import org.apache.mahout.cf.taste.recommender.Recommender;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TasteRecommenderTest {
    private static Interactions planted;
    private static TasteRecommender sgd;

    @BeforeAll
    static void fit() {
        planted = PlantedGroups.ratings();
        sgd = TasteSgd.defaults().withFactors(2).withIterations(200).fit(planted);
    }

    /**
     * Four users, four items; item order i1, i2, i3, i4 (first appearance), popularity
     * i1 4 users, i2 4, i3 3 (u1, u2, u4), i4 3 (u2, u3, u4). Values sum to 12 + 14 + 8 + 16 = 50
     * over 14 entries: mean 50 / 14 = 3.5714.
     */
    private static Interactions small() {
        return Interactions.builder()
                .add("u1", "i1", 5).add("u1", "i2", 3).add("u1", "i3", 4)
                .add("u2", "i1", 4).add("u2", "i2", 2).add("u2", "i3", 3).add("u2", "i4", 5)
                .add("u3", "i1", 1).add("u3", "i2", 5).add("u3", "i4", 2)
                .add("u4", "i1", 5).add("u4", "i2", 3).add("u4", "i3", 5).add("u4", "i4", 3)
                .build();
    }

    private static Set<String> seenBy(Interactions training, String user) {
        Set<String> seen = new HashSet<>();
        int u = training.users().indexOf(user);
        for (int entry = training.userStart(u); entry < training.userEnd(u); entry++) {
            seen.add(training.items().id(training.itemAt(entry)));
        }
        return seen;
    }

    @Test
    void seenItemsAreExcludedByDefaultAndEveryUnseenItemIsScored() {
        for (String user : planted.users().ids()) {
            Set<String> seen = seenBy(planted, user);
            Recommendations all = sgd.recommend(user, 1000);
            // SVD presets consider every item the user has not seen: 60 - 11 = 49
            assertEquals(60 - seen.size(), all.size());
            for (String item : all.itemIds()) {
                assertFalse(seen.contains(item), item);
            }
        }
    }

    @Test
    void seenItemsComeBackWhenAskedFor() {
        String user = PlantedGroups.user('a', 0);
        Recommendations all = sgd.recommend(user, RecommendRequest.builder(1000).excludeSeen(false).build());
        assertEquals(60, all.size());
        assertTrue(all.itemIds().containsAll(seenBy(planted, user)));
        assertEquals(new HashSet<>(all.itemIds()).size(), all.size(), "no item twice");
    }

    @Test
    void candidatesRestrictWithoutChangingScores() {
        String user = PlantedGroups.user('a', 0);
        Map<String, Double> fullScores = new HashMap<>();
        for (ScoredItem item : sgd.recommend(user, 1000).items()) {
            fullScores.put(item.itemId(), item.score());
        }
        // a-9 and a-12 unseen own-group, b-20 unseen other-group, a-0 seen, one unknown id
        Set<String> candidates = Set.of("title/a-9", "title/a-12", "title/b-20", "title/a-0", "no such title");
        Recommendations some = sgd.recommend(user, RecommendRequest.builder(10).candidates(candidates).build());
        assertEquals(Set.of("title/a-9", "title/a-12", "title/b-20"), new HashSet<>(some.itemIds()));
        assertEquals("title/b-20", some.itemIds().get(2), "the other community's item ranks last");
        for (ScoredItem item : some.items()) {
            assertEquals(fullScores.get(item.itemId()), item.score(), item.itemId());
        }
        Recommendations withSeen = sgd.recommend(user,
                RecommendRequest.builder(10).candidates(candidates).excludeSeen(false).build());
        assertTrue(withSeen.itemIds().contains("title/a-0"));
        assertEquals(4, withSeen.size());
    }

    @Test
    void excludedItemsNeverAppear() {
        String user = PlantedGroups.user('b', 3);
        List<String> full = sgd.recommend(user, 5).itemIds();
        Set<String> exclude = Set.of(full.get(0), full.get(2), "no such title");
        List<String> rest = sgd.recommend(user, RecommendRequest.builder(3).exclude(exclude).build()).itemIds();
        assertEquals(List.of(full.get(1), full.get(3), full.get(4)), rest);
    }

    @Test
    void unknownCandidatesOnlyGiveAnEmptyList() {
        Recommendations none = sgd.recommend(PlantedGroups.user('a', 1),
                RecommendRequest.builder(3).candidates(Set.of("x", "y")).build());
        assertEquals(List.of(), none.items());
        assertFalse(none.fallback());
    }

    @Test
    void unknownUsersGetPopularityWithCatalogOrderTies() {
        TasteRecommender model = TasteUserBased.defaults().fit(small());
        assertFalse(model.knowsUser("u9"));
        assertTrue(model.knowsUser("u1"));
        Recommendations popular = model.recommend("u9", 3);
        assertTrue(popular.fallback());
        // i1 and i2 have 4 users, i3 and i4 have 3; ties in catalog order; scores are shares of the
        // most popular item's users
        assertEquals(List.of(new ScoredItem("i1", 1), new ScoredItem("i2", 1), new ScoredItem("i3", 0.75f)),
                popular.items());
        assertEquals(List.of("i2", "i3", "i4"),
                model.recommend("u9", RecommendRequest.builder(3).exclude(Set.of("i1")).build()).itemIds());
        assertEquals(List.of("i3", "i4"), model.recommend("u9",
                RecommendRequest.builder(3).candidates(Set.of("i4", "i3", "i9")).build()).itemIds());
        assertEquals(List.of("i4"), model.recommend("u9",
                RecommendRequest.builder(3).candidates(Set.of("i4", "i3")).exclude(Set.of("i3")).build()).itemIds());
    }

    @Test
    void scoresAreTasteEstimatesWithTheMeanAsFallback() {
        TasteRecommender model = TasteUserBased.defaults().fit(small());
        double mean = 50.0 / 14;
        // Pearson(u1, u2) over i1..i3: (5, 3, 4) vs (4, 2, 3) = 1; Pearson(u1, u3) over i1, i2:
        // (5, 3) vs (1, 5) = -1, below the minimum similarity 0; Pearson(u1, u4) over i1..i3:
        // deviations (1, -1, 0) and (2/3, -4/3, 2/3) give 2 / sqrt(2 * 8/3) = sqrt(3) / 2.
        // So u1's estimate for i4 = (1 * 5 + 0.8660 * 3) / (1 + 0.8660) = 7.5981 / 1.8660 = 4.0718.
        double root3half = Math.sqrt(3) / 2;
        assertEquals((5 + root3half * 3) / (1 + root3half), model.score("u1", "i4"), 1e-5);
        // u3 correlates negatively with everyone: no neighbour, Taste's estimate is NaN -> the mean
        assertEquals(mean, model.score("u3", "i3"), 1e-6);
        // a training pair: Taste returns the training value
        assertEquals(3.0, model.score("u1", "i2"), 0);
        // unknown user or item: the mean
        assertEquals(mean, model.score("u9", "i1"), 1e-6);
        assertEquals(mean, model.score("u1", "i9"), 1e-6);
    }

    @Test
    void tasteExceptionsAreWrapped() {
        TasteData data = TasteData.of(small(), TasteData.Preferences.VALUES);
        TasteRuntimeException building = assertThrows(TasteRuntimeException.class,
                () -> TasteRecommender.of("broken", data, model -> {
                    throw new TasteException("no model today");
                }));
        assertInstanceOf(TasteException.class, building.getCause());
        assertEquals("building broken: org.apache.mahout.cf.taste.common.TasteException: no model today",
                building.getMessage());

        Recommender failing = (Recommender) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Recommender.class}, (proxy, method, args) -> {
                    throw new TasteException(method.getName() + " failed");
                });
        TasteRecommender model = TasteRecommender.of("failing", data, dataModel -> failing);
        TasteRuntimeException recommending = assertThrows(TasteRuntimeException.class, () -> model.recommend("u1", 2));
        assertEquals("failing recommending for user 'u1': org.apache.mahout.cf.taste.common.TasteException: "
                + "recommend failed", recommending.getMessage());
        TasteRuntimeException scoring = assertThrows(TasteRuntimeException.class, () -> model.score("u1", "i4"));
        assertEquals("failing estimating (u1, i4): org.apache.mahout.cf.taste.common.TasteException: "
                + "estimatePreference failed", scoring.getMessage());
    }

    @Test
    void blankNamesAreRejected() {
        TasteData data = TasteData.of(small(), TasteData.Preferences.VALUES);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> TasteRecommender.of(" ", data, dataModel -> null));
        assertEquals("name must not be blank, got ' '", error.getMessage());
    }

    @Test
    void concurrentCallsAgreeWithSequentialOnes() throws Exception {
        TasteRecommender itemBased = TasteItemBased.defaults().fit(PlantedGroups.binary());
        List<String> users = planted.users().ids();
        Map<String, Recommendations> expected = new HashMap<>();
        for (String user : users) {
            expected.put(user, itemBased.recommend(user, 5));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Map<String, Recommendations>>> futures = new ArrayList<>();
            for (int task = 0; task < 8; task++) {
                int shift = task;
                futures.add(pool.submit(() -> {
                    Map<String, Recommendations> answers = new HashMap<>();
                    for (int k = 0; k < users.size(); k++) {
                        String user = users.get((k + shift * 5) % users.size());
                        answers.put(user, itemBased.recommend(user, 5));
                    }
                    return answers;
                }));
            }
            for (Future<Map<String, Recommendations>> future : futures) {
                assertEquals(expected, future.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
