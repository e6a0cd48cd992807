package dev.recommender.core;

import dev.recommender.core.data.Interactions;
import dev.recommender.core.io.ModelStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The {@link Recommender} contract, checked once for every implementation: subclasses say how to
 * fit their model on a training set (with a fixed seed) and inherit these tests. Shipped in the
 * core test-jar so other modules' recommenders can extend it.
 *
 * <p>Checks: at most {@code howMany} items, best first, no duplicates, only catalog items; seen
 * items excluded by default and included on request; candidate and exclude sets respected;
 * unknown users get the flagged fallback (popularity order unless {@link #fallbackIsPopularity()}
 * says otherwise); two fits give the same answers; save and load through {@link ModelStore} give
 * identical answers; concurrent calls agree with serial ones; point scores are finite.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class RecommenderContractTest {
    private Interactions training;
    private Recommender model;

    /**
     * Fits the model under test; must be deterministic (fixed seed).
     *
     * @param training the fixture of {@link #training()}
     * @return the fitted model
     */
    protected abstract Recommender fit(Interactions training);

    /**
     * The training fixture; by default {@link #fixture()}. Override to use data of another
     * shape (for example binary values for an implicit-feedback model).
     */
    protected Interactions training() {
        return fixture();
    }

    /** Whether unknown users get the items in popularity order (training users per item). */
    protected boolean fallbackIsPopularity() {
        return true;
    }

    /** Whether the model has a registered codec and must survive a save and load. */
    protected boolean supportsSaving() {
        return true;
    }

    /**
     * Whether the model scores every candidate (exact models), so that a request returns exactly
     * {@code min(howMany, eligible items)} items. Approximate retrieval may return fewer.
     */
    protected boolean returnsEveryEligibleItem() {
        return true;
    }

    /**
     * A deterministic fixture: 40 users, 25 items, 4 to 11 ratings per user on a 1 to 5 scale from
     * two planted tastes (even users like even items), so personalised models have something to
     * learn; item {@code i0} is the most popular.
     */
    public static Interactions fixture() {
        SplittableRandom random = new SplittableRandom(20261128L);
        Interactions.Builder builder = Interactions.builder();
        for (int u = 0; u < 40; u++) {
            Set<Integer> chosen = new LinkedHashSet<>();
            chosen.add(0);
            int count = 4 + random.nextInt(8);
            while (chosen.size() < count) {
                chosen.add(random.nextInt(25));
            }
            for (int i : chosen) {
                float value = (u % 2 == i % 2) ? 4 + random.nextInt(2) : 1 + random.nextInt(3);
                builder.add("u" + u, "i" + i, value, 1 + random.nextInt(3), 0, 1_000L * (u + i));
            }
        }
        return builder.build();
    }

    private Interactions data() {
        if (training == null) {
            training = training();
        }
        return training;
    }

    /** The fitted model, fitted once per test class. */
    protected final Recommender model() {
        if (model == null) {
            model = fit(data());
        }
        return model;
    }

    private Set<String> seenBy(String userId) {
        Interactions data = data();
        int user = data.users().indexOf(userId);
        Set<String> seen = new HashSet<>();
        for (int p = data.userStart(user); p < data.userEnd(user); p++) {
            seen.add(data.items().id(data.itemAt(p)));
        }
        return seen;
    }

    private static void assertWellFormed(Recommender model, Recommendations answer, int howMany) {
        assertTrue(answer.size() <= howMany, () -> "more than " + howMany + " items: " + answer);
        Set<String> ids = new HashSet<>();
        double previous = Double.POSITIVE_INFINITY;
        for (ScoredItem item : answer.items()) {
            assertTrue(ids.add(item.itemId()), () -> "duplicate item " + item.itemId() + " in " + answer);
            assertTrue(model.items().contains(item.itemId()), () -> "unknown item " + item.itemId());
            assertFalse(Double.isNaN(item.score()), () -> "NaN score in " + answer);
            assertTrue(item.score() <= previous, () -> "not sorted best first: " + answer);
            previous = item.score();
        }
    }

    @Test
    void answersAreBoundedSortedAndDistinct() {
        Recommender model = model();
        for (String user : data().users().ids()) {
            for (int howMany : new int[] {1, 3, 1000}) {
                Recommendations answer = model.recommend(user, howMany);
                assertWellFormed(model, answer, howMany);
                assertFalse(answer.fallback(), "known user " + user + " got the fallback");
                assertEquals(user, answer.userId());
                if (returnsEveryEligibleItem()) {
                    int eligible = model.items().size() - seenBy(user).size();
                    assertEquals(Math.min(howMany, eligible), answer.size(), "items for " + user);
                }
            }
        }
    }

    @Test
    void seenItemsAreExcludedByDefault() {
        for (String user : data().users().ids()) {
            Set<String> seen = seenBy(user);
            for (String item : model().recommend(user, 1000).itemIds()) {
                assertFalse(seen.contains(item), () -> user + " was recommended seen item " + item);
            }
        }
    }

    @Test
    void seenItemsAreIncludedOnRequest() {
        RecommendRequest request = RecommendRequest.builder(1000).excludeSeen(false).build();
        for (String user : data().users().ids()) {
            Recommendations answer = model().recommend(user, request);
            assertWellFormed(model(), answer, 1000);
            Set<String> returned = new HashSet<>(answer.itemIds());
            if (returnsEveryEligibleItem()) {
                assertEquals(model().items().size(), answer.size());
                assertTrue(returned.containsAll(seenBy(user)), "seen items missing for " + user);
            } else {
                assertTrue(returned.stream().anyMatch(seenBy(user)::contains), "no seen item for " + user);
            }
        }
    }

    @Test
    void candidatesAndExcludeAreRespected() {
        Recommender model = model();
        List<String> catalog = model.items().ids();
        SplittableRandom random = new SplittableRandom(3);
        for (String user : data().users().ids()) {
            Set<String> candidates = new HashSet<>();
            while (candidates.size() < 8) {
                candidates.add(catalog.get(random.nextInt(catalog.size())));
            }
            candidates.add("no-such-item");
            Set<String> exclude = Set.of(catalog.get(random.nextInt(catalog.size())));
            RecommendRequest request = RecommendRequest.builder(1000).candidates(candidates).exclude(exclude).build();
            Recommendations answer = model.recommend(user, request);
            assertWellFormed(model, answer, 1000);
            Set<String> seen = seenBy(user);
            Set<String> eligible = new HashSet<>(candidates);
            eligible.remove("no-such-item");
            eligible.removeAll(exclude);
            eligible.removeAll(seen);
            for (String item : answer.itemIds()) {
                assertTrue(eligible.contains(item), () -> item + " is not an eligible candidate for " + user);
            }
            if (returnsEveryEligibleItem()) {
                assertEquals(eligible, new HashSet<>(answer.itemIds()));
                // A candidate's score is the same as in the unrestricted ranking.
                Map<String, Double> full = scores(model.recommend(user,
                        RecommendRequest.builder(1000).excludeSeen(false).build()));
                for (ScoredItem item : answer.items()) {
                    assertEquals(full.get(item.itemId()), item.score(), 1e-6, item.itemId());
                }
            }
            RecommendRequest excludeOnly = RecommendRequest.builder(1000).exclude(exclude).build();
            assertFalse(model.recommend(user, excludeOnly).itemIds().stream().anyMatch(exclude::contains));
        }
    }

    private static Map<String, Double> scores(Recommendations answer) {
        Map<String, Double> scores = new HashMap<>();
        answer.items().forEach(item -> scores.put(item.itemId(), item.score()));
        return scores;
    }

    @Test
    void unknownUserGetsTheFallback() {
        Recommender model = model();
        assertFalse(model.knowsUser("no-such-user"));
        assertTrue(model.knowsUser(data().users().id(0)));
        Recommendations answer = model.recommend("no-such-user", 5);
        assertTrue(answer.fallback());
        assertWellFormed(model, answer, 5);
        assertEquals(5, answer.size());
        if (fallbackIsPopularity()) {
            Interactions data = data();
            List<String> byPopularity = new ArrayList<>(model.items().ids());
            byPopularity.sort((a, b) -> {
                int degreeA = data.itemDegree(data.items().indexOf(a));
                int degreeB = data.itemDegree(data.items().indexOf(b));
                return degreeA != degreeB ? Integer.compare(degreeB, degreeA)
                        : Integer.compare(model.items().indexOf(a), model.items().indexOf(b));
            });
            assertEquals(byPopularity.subList(0, 5), answer.itemIds());
            assertEquals("i0", answer.itemIds().get(0), "the fixture's most popular item");
        }
    }

    @Test
    void pointScoresAreFiniteForKnownAndUnknownIds() {
        if (model() instanceof ItemScorer scorer) {
            String user = data().users().id(0);
            String item = data().items().id(0);
            for (String u : List.of(user, "no-such-user")) {
                for (String i : List.of(item, "no-such-item")) {
                    assertTrue(Double.isFinite(scorer.score(u, i)), u + ", " + i);
                }
            }
        }
    }

    private Map<String, Recommendations> answersForAll(Recommender model) {
        Map<String, Recommendations> answers = new HashMap<>();
        RecommendRequest request = RecommendRequest.builder(10).excludeSeen(false).build();
        for (String user : data().users().ids()) {
            answers.put(user, model.recommend(user, request));
        }
        answers.put("no-such-user", model.recommend("no-such-user", request));
        return answers;
    }

    @Test
    void sameSeedGivesSameAnswers() {
        Recommender again = fit(data());
        assertEquals(answersForAll(model()), answersForAll(again));
    }

    @Test
    void saveAndLoadGiveIdenticalAnswers(@TempDir Path directory) throws IOException {
        assumeTrue(supportsSaving(), "model declares no codec");
        Path file = directory.resolve("model.bin");
        ModelStore.save(model(), file);
        Recommender loaded = ModelStore.load(file);
        assertEquals(model().getClass(), loaded.getClass());
        assertEquals(model().name(), loaded.name());
        assertEquals(model().items(), loaded.items());
        assertEquals(answersForAll(model()), answersForAll(loaded));
        if (model() instanceof ItemScorer scorer) {
            ItemScorer loadedScorer = (ItemScorer) loaded;
            for (String user : List.of(data().users().id(0), data().users().id(1), "no-such-user")) {
                for (String item : List.of(data().items().id(0), data().items().id(3), "no-such-item")) {
                    assertEquals(scorer.score(user, item), loadedScorer.score(user, item), 0.0, user + ", " + item);
                }
            }
        }
    }

    @Test
    void concurrentCallsAgreeWithSerialCalls() throws Exception {
        Recommender model = model();
        Map<String, Recommendations> expected = answersForAll(model);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Map<String, Recommendations>>> tasks = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                tasks.add(() -> answersForAll(model));
            }
            for (Future<Map<String, Recommendations>> future : pool.invokeAll(tasks)) {
                assertEquals(expected, future.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
