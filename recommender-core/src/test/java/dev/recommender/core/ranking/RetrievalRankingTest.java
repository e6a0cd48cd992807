package dev.recommender.core.ranking;

import dev.recommender.core.IndexedRecommender;
import dev.recommender.core.RecommendRequest;
import dev.recommender.core.Recommendations;
import dev.recommender.core.ScoredItem;
import dev.recommender.core.TrainingData;
import dev.recommender.core.TrainingListener;
import dev.recommender.core.data.EventLog;
import dev.recommender.core.io.ModelData;
import dev.recommender.core.io.ModelFormatException;
import dev.recommender.core.io.ModelStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetrievalRankingTest {
    static final long DAY = 86_400_000L;
    static EventLog log;
    static RetrievalRanking model;
    static List<String> users;

    static RetrievalRankingAlgorithm<StandIns.BiasScorer> algorithm() {
        RankingConfig trees = RankingConfig.builder().trees(40).maxDepth(4).maxNodes(8).nodeSize(10).shrinkage(0.1)
                .build();
        return new RetrievalRankingAlgorithm<>(StandIns.cooccurrenceStage(), StandIns.biasStage(),
                RetrievalRankingConfig.builder().candidates(15).ranking(trees).build());
    }

    @BeforeAll
    static void fit() {
        log = SyntheticLog.generate(120, 40, 30, 4, 3);
        model = algorithm().fit(TrainingData.of(log), TrainingListener.NONE);
        users = new ArrayList<>();
        for (int u = 0; u < 20; u++) {
            users.add(log.users().id(u)); // users with events, in order of first event
        }
    }

    static Set<String> historyItems(String user) {
        Set<String> items = new HashSet<>();
        for (int e = 0; e < log.size(); e++) {
            if (log.userId(e).equals(user)) {
                items.add(log.itemId(e));
            }
        }
        return items;
    }

    @Test
    void recommendsAtMostHowManyUnseenItemsBestFirstWithBothScores() {
        for (String user : users) {
            RankedRecommendations ranked = model.rank(user, RecommendRequest.top(10));
            Recommendations plain = model.recommend(user, RecommendRequest.top(10));
            assertFalse(ranked.fallback());
            assertTrue(ranked.items().size() <= 10);
            assertEquals(ranked.items().size(), new HashSet<>(plain.itemIds()).size(), "no item twice");
            Set<String> seen = historyItems(user);
            for (int k = 0; k < ranked.items().size(); k++) {
                RankedItem item = ranked.items().get(k);
                assertFalse(seen.contains(item.itemId()), user + " already saw " + item.itemId());
                assertEquals(item.itemId(), plain.items().get(k).itemId());
                assertEquals(item.rankingScore(), plain.items().get(k).score(), 0.0);
                assertEquals(item.rankingScore(), item.engagementRate(), 0.0, "ordered by rate");
                // score() goes through the float-valued scoreInto: equal to float precision
                assertEquals(item.engagementRate(), model.score(user, item.itemId()), 1e-6,
                        "score() must agree with the predicted rate");
                if (k > 0) {
                    assertTrue(ranked.items().get(k - 1).rankingScore() >= item.rankingScore(), "best first");
                }
            }
        }
    }

    @Test
    void respectsExcludeSeenCandidatesAndExclude() {
        String user = users.get(0);
        Set<String> seen = historyItems(user);
        Recommendations withSeen = model.recommend(user, RecommendRequest.builder(40).excludeSeen(false).build());
        assertTrue(withSeen.itemIds().stream().anyMatch(seen::contains), "seen items come back when asked");
        Set<String> candidates = Set.of("i1", "i2", "i3", "i5", "unknown-item");
        Recommendations restricted = model.recommend(user, RecommendRequest.builder(10).excludeSeen(false)
                .candidates(candidates).exclude(Set.of("i2")).build());
        assertFalse(restricted.itemIds().isEmpty());
        for (String item : restricted.itemIds()) {
            assertTrue(candidates.contains(item) && !item.equals("i2"), item);
        }
    }

    @Test
    void unknownUsersGetTheRetrievalFallback() {
        Recommendations answer = model.recommend("stranger", RecommendRequest.top(5));
        Recommendations retrieval = model.retrieval().recommend("stranger", RecommendRequest.top(5));
        assertTrue(answer.fallback());
        assertFalse(model.knowsUser("stranger"));
        assertEquals(retrieval.itemIds(), answer.itemIds());
        double score = model.score("stranger", "i1");
        assertTrue(score >= 0 && score <= 1, "an engagement rate: " + score);
        assertTrue(Double.isFinite(model.score("stranger", "no-such-item")));
    }

    @Test
    void saveAndLoadAnswerExactlyAsBefore(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("model.bin");
        ModelStore.save(model, file);
        RetrievalRanking loaded = ModelStore.load(file, RetrievalRanking.class);
        for (String user : List.of(users.get(0), users.get(7), users.get(19), "stranger")) {
            assertEquals(model.recommend(user, RecommendRequest.top(10)), loaded.recommend(user, RecommendRequest.top(10)));
            for (String item : List.of("i0", "i3", "i39", "nothing")) {
                assertEquals(model.score(user, item), loaded.score(user, item), 0.0);
            }
        }
        ModelData data = ModelStore.encode(model);
        assertEquals(ModelStore.encode(model.retrieval()), data.model("retrieval/"));
        assertEquals(ModelStore.encode(model.scorer()), data.model("scorer/"));
    }

    @Test
    void aCorruptFileIsRefused(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("model.bin");
        ModelStore.save(model, file);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x5a;
        Files.write(file, bytes);
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelStore.load(file));
        assertTrue(e.getMessage().contains("checksum mismatch"), e.getMessage());
    }

    @Test
    void sameDataAndSeedGiveTheSameModel() {
        RetrievalRanking again = algorithm().fit(TrainingData.of(log), TrainingListener.NONE);
        for (String user : users) {
            assertEquals(model.recommend(user, RecommendRequest.top(10)), again.recommend(user, RecommendRequest.top(10)));
        }
    }

    @Test
    void concurrentCallsAgree() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Recommendations>>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                futures.add(pool.submit(() -> {
                    List<Recommendations> answers = new ArrayList<>();
                    for (String user : users) {
                        answers.add(model.recommend(user, RecommendRequest.top(10)));
                    }
                    return answers;
                }));
            }
            List<Recommendations> first = futures.get(0).get();
            for (Future<List<Recommendations>> future : futures) {
                assertEquals(first, future.get());
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void examplesTakeFeaturesBeforeTheCutOffAndLabelsAfterIt() {
        EventLog tiny = EventLog.builder()
                .add("a", "x", 0, "viewed", Float.NaN)
                .add("a", "x", DAY, "engaged", Float.NaN)
                .add("a", "y", 2 * DAY, "viewed", Float.NaN)
                .add("b", "x", 3 * DAY, "engaged", Float.NaN)
                .add("b", "y", 3 * DAY, "viewed", Float.NaN)
                .add("b", "z", 5 * DAY, "viewed", Float.NaN)
                .add("a", "y", 6 * DAY, "engaged", Float.NaN)
                .add("a", "y", 7 * DAY, "viewed", Float.NaN)
                .build();
        RetrievalRankingAlgorithm.Examples examples = algorithm().examples(TrainingData.of(tiny), 5 * DAY);
        // label window [day 5, ...): (a, y) engaged 1 of 2 -> 0.5; (b, z) viewed -> 0. Rows ordered by user.
        assertArrayEquals(new double[] {0.5, 0.0}, examples.rates(), 0.0);
        assertEquals(5, examples.historyEvents());
        // (a, y) had one history event (day 2), not the two label-window ones
        assertEquals(1.0, examples.features()[0][RankingFeature.PAIR_EVENTS.ordinal()]);
        // (b, z): no history with z; b's last history event was day 3 -> 2 days before the cut-off
        assertEquals(0.0, examples.features()[1][RankingFeature.PAIR_EVENTS.ordinal()]);
        assertEquals(2.0, examples.features()[1][RankingFeature.DAYS_SINCE_USER_LAST_EVENT.ordinal()]);
        // the co-occurrence retrieval, fitted on history only, scores z as 0: z has no history event
        assertEquals(0.0, examples.features()[1][RankingFeature.RETRIEVAL_SCORE.ordinal()]);
    }

    @Test
    void theEngagedTargetTrainsItsOrderingModelOnRetrievedCandidates(@TempDir Path directory) throws Exception {
        RankingConfig trees = RankingConfig.builder().trees(30).maxDepth(4).maxNodes(8).nodeSize(10).build();
        RetrievalRankingAlgorithm<StandIns.BiasScorer> engaged = new RetrievalRankingAlgorithm<>(
                StandIns.cooccurrenceStage(), StandIns.biasStage(), RetrievalRankingConfig.builder().candidates(15)
                .target(RankingTarget.ENGAGED).negatives(5).ranking(trees).build());
        long cutoff = log.startOfLastShare(0.2);
        RetrievalRankingAlgorithm.Examples shownOnly = algorithm().examples(TrainingData.of(log), cutoff);
        RetrievalRankingAlgorithm.Examples examples = engaged.examples(TrainingData.of(log), cutoff);
        // the shown pairs (the rate model's examples) do not depend on the target
        assertArrayEquals(shownOnly.rates(), examples.rates(), 0.0);
        assertEquals(0, shownOnly.engaged().length);
        // every ordering example is one of its user's top 15 candidates of the history retrieval,
        // never an item the user saw before the cut-off, labelled by an engagement in the window
        int[] historyPositions = java.util.stream.IntStream.range(0, log.size())
                .filter(e -> log.timeMillis(e) < cutoff).toArray();
        TrainingData data = TrainingData.of(log);
        IndexedRecommender history = StandIns.cooccurrenceStage().fit(data.select(historyPositions),
                TrainingListener.NONE);
        java.util.Map<Integer, Integer> negativesPerUser = new java.util.HashMap<>();
        java.util.Map<Integer, Integer> positivesPerUser = new java.util.HashMap<>();
        assertTrue(examples.engaged().length > 0);
        for (int r = 0; r < examples.engaged().length; r++) {
            int user = examples.orderingUsers()[r];
            int item = examples.orderingItems()[r];
            int[] top = history.recommend(user, 15, true).items();
            assertTrue(java.util.Arrays.stream(top).anyMatch(candidate -> candidate == item),
                    "example " + r + " is a retrieved candidate");
            boolean engagedInWindow = false;
            boolean seenBefore = false;
            for (int e = 0; e < log.size(); e++) {
                if (log.userIndex(e) == user && log.itemIndex(e) == item) {
                    seenBefore |= log.timeMillis(e) < cutoff;
                    engagedInWindow |= log.timeMillis(e) >= cutoff && "engaged".equals(log.eventTypeName(e));
                }
            }
            assertFalse(seenBefore, "example " + r + " is new to its user");
            assertEquals(engagedInWindow ? 1.0 : 0.0, examples.engaged()[r], "label of example " + r);
            (engagedInWindow ? positivesPerUser : negativesPerUser).merge(user, 1, Integer::sum);
        }
        assertTrue(negativesPerUser.values().stream().allMatch(count -> count <= 5), "at most 5 negatives a user");
        assertTrue(positivesPerUser.keySet().containsAll(negativesPerUser.keySet()),
                "users without a positive candidate are left out");
        // held-out users (for the ordering weight) bring all their candidates, in retrieval order
        assertTrue(examples.checkEngaged().length > 0);
        for (int start = 0; start < examples.checkUsers().length; ) {
            int user = examples.checkUsers()[start];
            assertFalse(positivesPerUser.containsKey(user), "a held-out user does not train the orderer");
            int[] top = history.recommend(user, 15, true).items();
            assertArrayEquals(top, java.util.Arrays.copyOfRange(examples.checkItems(), start, start + top.length));
            start += top.length;
        }
        double weight = RetrievalRankingAlgorithm.chooseOrderingWeight(
                engaged.fit(TrainingData.of(log), TrainingListener.NONE).orderer().orElseThrow(), examples);
        assertTrue(java.util.Arrays.stream(RetrievalRankingAlgorithm.ORDERING_WEIGHTS).anyMatch(w -> w == weight));
        RetrievalRanking fitted = engaged.fit(TrainingData.of(log), TrainingListener.NONE);
        assertTrue(fitted.orderer().isPresent());
        RankedRecommendations ranked = fitted.rank(users.get(2), RecommendRequest.top(10));
        for (int k = 1; k < ranked.items().size(); k++) {
            assertTrue(ranked.items().get(k - 1).rankingScore() >= ranked.items().get(k).rankingScore());
        }
        for (RankedItem item : ranked.items()) {
            assertEquals(item.engagementRate(), fitted.score(users.get(2), item.itemId()), 1e-6);
        }
        Path file = directory.resolve("model.bin");
        ModelStore.save(fitted, file);
        RetrievalRanking loaded = ModelStore.load(file, RetrievalRanking.class);
        assertTrue(loaded.orderer().isPresent());
        assertEquals(fitted.orderingWeight(), loaded.orderingWeight());
        assertEquals(ranked, loaded.rank(users.get(2), RecommendRequest.top(10)));
    }

    @Test
    void theStaticFitIsTheAlgorithmsFit() {
        RetrievalRanking byStatic = RetrievalRanking.fit(TrainingData.of(log), algorithm());
        for (int u = 0; u < 5; u++) {
            assertEquals(model.recommend(users.get(u), RecommendRequest.top(10)),
                    byStatic.recommend(users.get(u), RecommendRequest.top(10)));
        }
    }

    @Test
    void theOrderingWeightMixesTheOrderersRankWithTheRetrievalRank() {
        // candidates in retrieval order (items 7, 3, 5); the orderer prefers the second, then the third
        double[] orderScores = {0.1, 0.9, 0.5};
        int[] items = {7, 3, 5};
        double[] out = new double[3];
        int[] order = new int[3];
        RetrievalRanking.fuseWithRetrievalOrder(orderScores, items, 3, 0.5, order, out);
        // 0.5 (1 - r_o/3) + 0.5 (1 - r_r/3): (r_o, r_r) = (2, 0), (0, 1), (1, 2)
        assertArrayEquals(new double[] {0.5 / 3 + 0.5, 0.5 + 1.0 / 3, 1.0 / 3 + 0.5 / 3}, out, 1e-12);
        RetrievalRanking.fuseWithRetrievalOrder(orderScores, items, 3, 0, order, out);
        assertArrayEquals(new double[] {1, 2.0 / 3, 1.0 / 3}, out, 1e-12);
        RetrievalRanking.fuseWithRetrievalOrder(orderScores, items, 3, 1, order, out);
        assertArrayEquals(new double[] {1.0 / 3, 1, 2.0 / 3}, out, 1e-12);
        assertEquals("orderingWeight must be in [0, 1], got 1.5", assertThrows(IllegalArgumentException.class,
                () -> RetrievalRanking.create(model.retrieval(), model.scorer(), model.features(), model.ranker(), null, 1.5,
                        5)).getMessage());
    }

    @Test
    void aPartThatFailsFailsTheFitWithItsOwnException() {
        RankingConfig trees = RankingConfig.builder().trees(10).maxDepth(3).maxNodes(4).nodeSize(10).build();
        // call 1 is the history scorer (waited for while the examples are built), call 2 the final one (waited
        // for after the trees grew beside it)
        for (int failing : new int[] {1, 2}) {
            java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
            dev.recommender.core.Algorithm<StandIns.BiasScorer> flaky = new dev.recommender.core.Algorithm<>() {
                @Override
                public String name() {
                    return "flaky";
                }

                @Override
                public StandIns.BiasScorer fit(TrainingData data, TrainingListener listener) {
                    if (calls.incrementAndGet() == failing) {
                        throw new IllegalStateException("scorer fit " + failing + " broke");
                    }
                    return StandIns.biasStage().fit(data, listener);
                }
            };
            RetrievalRankingAlgorithm<StandIns.BiasScorer> algorithm = new RetrievalRankingAlgorithm<>(
                    StandIns.cooccurrenceStage(), flaky, RetrievalRankingConfig.builder().candidates(15)
                    .target(RankingTarget.ENGAGED).ranking(trees).build());
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> algorithm.fit(TrainingData.of(log), TrainingListener.NONE));
            assertEquals("scorer fit " + failing + " broke", e.getMessage());
        }
    }

    @Test
    void progressFromPartsFittedAtTheSameTimeNeverOverlaps() {
        RankingConfig trees = RankingConfig.builder().trees(40).maxDepth(4).maxNodes(8).nodeSize(10).build();
        RetrievalRankingAlgorithm<StandIns.BiasScorer> engaged = new RetrievalRankingAlgorithm<>(
                StandIns.cooccurrenceStage(), StandIns.biasStage(), RetrievalRankingConfig.builder().candidates(15)
                .target(RankingTarget.ENGAGED).ranking(trees).build());
        java.util.concurrent.atomic.AtomicBoolean inside = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicBoolean overlapped = new java.util.concurrent.atomic.AtomicBoolean();
        Set<String> curves = java.util.concurrent.ConcurrentHashMap.newKeySet();
        RetrievalRanking fitted = engaged.fit(TrainingData.of(log), progress -> {
            if (!inside.compareAndSet(false, true)) {
                overlapped.set(true);
            }
            boolean first = curves.isEmpty();
            curves.add(progress.algorithm());
            try {
                // the first call stays long enough for the other ensemble's report to arrive meanwhile
                Thread.sleep(first ? 500 : 2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inside.set(false);
        });
        assertFalse(overlapped.get(), "two listener calls ran at the same time");
        assertEquals(Set.of("ranking-gbdt", "ordering-gbdt"), curves);
        // the same model as a fit without a listener (the parts are deterministic on their own)
        RetrievalRanking quiet = engaged.fit(TrainingData.of(log), TrainingListener.NONE);
        for (String user : users.subList(0, 10)) {
            assertEquals(quiet.recommend(user, RecommendRequest.top(5)), fitted.recommend(user, RecommendRequest.top(5)));
        }
    }

    @Test
    void rejectsLogsWithoutALabelWindowAndBadConfigs() {
        EventLog instant = EventLog.builder().add("a", "x", 0, "engaged", Float.NaN).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> algorithm().fit(TrainingData.of(instant), TrainingListener.NONE));
        assertEquals("cut-off 1 leaves no label events; the log must span some time (labelFraction 0.2)",
                e.getMessage());
        assertEquals("candidates must be at least 1, got 0", assertThrows(IllegalArgumentException.class,
                () -> RetrievalRankingConfig.builder().candidates(0).build()).getMessage());
        assertEquals("labelFraction must be in (0, 1), got 0.0", assertThrows(IllegalArgumentException.class,
                () -> RetrievalRankingConfig.builder().labelFraction(0).build()).getMessage());
        assertEquals("negatives must be at least 0, got -1", assertThrows(IllegalArgumentException.class,
                () -> RetrievalRankingConfig.builder().negatives(-1).build()).getMessage());
    }

    @Test
    void nestedModelDataRoundTrips() {
        ModelData inner = ModelData.builder("inner", 3).property("p", 1).putInts("a", new int[] {1, 2}).build();
        ModelData outer = ModelData.builder("outer", 1).property("q", "x").putModel("in/", inner)
                .putFloats("b", new float[] {1f}).build();
        assertEquals(inner, outer.model("in/"));
        assertEquals(Set.of("in/a", "b"), outer.sectionNames());
        assertEquals("a model is already stored under prefix 'in/'", assertThrows(IllegalArgumentException.class,
                () -> ModelData.builder("outer", 1).putModel("in/", inner).putModel("in/", inner)).getMessage());
        assertEquals("model data of type 'outer' has no property 'none/@type'",
                assertThrows(IllegalArgumentException.class, () -> outer.model("none/")).getMessage());
    }

    @Test
    void scoredItemsCarryRankingScores() {
        Recommendations answer = model.recommend(users.get(1), RecommendRequest.top(3));
        for (ScoredItem item : answer.items()) {
            assertTrue(item.score() >= 0 && item.score() <= 1, "predicted engagement rate " + item.score());
        }
    }
}
