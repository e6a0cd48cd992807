package dev.recommender.core.retrieval;

import dev.recommender.core.EpochProgress;
import dev.recommender.core.RecommendRequest;
import dev.recommender.core.io.ModelStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TwoTowerRetrievalTest {
    private static final Planted PLANTED = Planted.generate(300, 200, 5, 15, 0.9, 1);

    private static TwoTowerRetrieval.Config small() {
        return TwoTowerRetrieval.Config.builder().dimensions(16).epochs(15).batchSize(64).learningRate(0.02)
                .historyLength(5).build();
    }

    @Test
    void recoversPlantedClustersAndTheLossFalls() {
        List<EpochProgress> progress = new ArrayList<>();
        TwoTowerRetrieval model = small().fit(PLANTED.all(), progress::add);
        assertEquals(15, progress.size());
        double first = progress.get(0).loss();
        double last = progress.get(14).loss();
        // a uniform softmax over a batch of 64 costs ln 64 = 4.16 nats
        assertTrue(first <= Math.log(64) + 0.5, "first-epoch loss " + first);
        assertTrue(last < first - 0.3, "loss " + first + " -> " + last);
        double precision = 0;
        for (int u = 0; u < PLANTED.users; u++) {
            precision += PLANTED.groupPrecision(u, model.recommend(Planted.user(u), 10).itemIds());
        }
        precision /= PLANTED.users;
        assertTrue(precision >= 0.85, "in-group share of top-10 " + precision);
    }

    @Test
    void sameSeedGivesIdenticalEmbeddingsWhateverTheThreadCount() {
        TwoTowerRetrieval.Config config = small().toBuilder().epochs(3).build();
        TwoTowerRetrieval one = TwoTowerRetrieval.fit(PLANTED.all(), config);
        TwoTowerRetrieval two = TwoTowerRetrieval.fit(PLANTED.all(), config.toBuilder().threads(2).build());
        TwoTowerRetrieval three = TwoTowerRetrieval.fit(PLANTED.all(), config.toBuilder().threads(3).build());
        TwoTowerRetrieval other = TwoTowerRetrieval.fit(PLANTED.all(), config.toBuilder().seed(9).build());
        assertArrayEquals(one.userVectorsView(), two.userVectorsView());
        assertArrayEquals(one.itemVectorsView(), two.itemVectorsView());
        assertArrayEquals(one.historyVectorsView(), three.historyVectorsView());
        assertFalse(Arrays.equals(one.itemVectorsView(), other.itemVectorsView()));
    }

    @Test
    void adagradAndIdOnlyTowersLearnToo() {
        TwoTowerRetrieval model = TwoTowerRetrieval.fit(PLANTED.all(), small().toBuilder()
                .optimizer(TwoTowerRetrieval.Optimizer.ADAGRAD).learningRate(0.1).historyLength(0).build());
        double precision = 0;
        for (int u = 0; u < PLANTED.users; u++) {
            precision += PLANTED.groupPrecision(u, model.recommend(Planted.user(u), 10).itemIds());
        }
        assertTrue(precision / PLANTED.users >= 0.8, "in-group share of top-10 " + precision / PLANTED.users);
        assertEquals("this two-tower model was trained without a history tower (historyLength 0), so it cannot "
                + "fold in new users", assertThrows(IllegalArgumentException.class,
                () -> model.foldIn(List.of("i1"))).getMessage());
    }

    @Test
    void savedAndLoadedModelAnswersIdentically(@TempDir Path directory) throws IOException {
        TwoTowerRetrieval model = TwoTowerRetrieval.fit(PLANTED.all(), small().toBuilder().epochs(3).build());
        Path file = directory.resolve("two-tower.model");
        ModelStore.save(model, file);
        TwoTowerRetrieval loaded = ModelStore.load(file, TwoTowerRetrieval.class);
        assertEquals(model.config(), loaded.config());
        for (int u = 0; u < 20; u++) {
            assertEquals(model.recommend(Planted.user(u), 10), loaded.recommend(Planted.user(u), 10));
        }
        List<String> items = PLANTED.itemsOf(0, 0, 0.5);
        assertArrayEquals(model.foldIn(items).vector(), loaded.foldIn(items).vector());
    }

    @Test
    void foldInIsTheMeanHistoryEmbeddingOfTheLastItems() {
        TwoTowerRetrieval model = TwoTowerRetrieval.fit(PLANTED.all(), small().toBuilder().epochs(1).build());
        // historyLength 5: of i1..i7 (oldest first) only i3..i7 count; "nope" is ignored
        List<String> items = List.of("i1", "i2", "i3", "nope", "i4", "i5", "i6", "i7");
        float[] expected = new float[16];
        for (String id : List.of("i3", "i4", "i5", "i6", "i7")) {
            int item = model.items().indexOf(id);
            for (int r = 0; r < 16; r++) {
                expected[r] += model.historyVectorsView()[item * 16 + r];
            }
        }
        float[] actual = model.foldIn(items).vector();
        for (int r = 0; r < 16; r++) {
            assertEquals(expected[r] / 5, actual[r], 1e-6);
        }
        assertEquals(7, model.foldIn(items).seenItemIds().size());
    }

    @Test
    void foldedInUsersRecallAlmostAsWellAsTrainedUsers() {
        Planted planted = Planted.generate(600, 300, 10, 20, 0.8, 5);
        Set<Integer> held = new HashSet<>();
        for (int u = 0; u < planted.users; u += 7) {
            held.add(u);
        }
        TwoTowerRetrieval.Config config = TwoTowerRetrieval.Config.builder().dimensions(16).epochs(8)
                .batchSize(128).learningRate(0.01).historyLength(20).userIdDropout(1.0).build();
        TwoTowerRetrieval trained = TwoTowerRetrieval.fit(planted.interactions(0, 0.8, Set.of()), config);
        TwoTowerRetrieval without = TwoTowerRetrieval.fit(planted.interactions(0, 0.8, held), config);
        double trainedRecall = 0;
        double foldedRecall = 0;
        for (int u : held) {
            List<String> future = planted.itemsOf(u, 0.8, 1.0);
            trainedRecall += Planted.recall(trained.recommend(Planted.user(u), 20).itemIds(), future);
            UserEmbedding folded = without.foldIn(planted.itemsOf(u, 0, 0.8));
            foldedRecall += Planted.recall(without.recommend(folded, RecommendRequest.top(20)).itemIds(), future);
        }
        trainedRecall /= held.size();
        foldedRecall /= held.size();
        System.out.printf("two-tower recall@20: trained %.4f, folded in %.4f%n", trainedRecall, foldedRecall);
        assertTrue(trainedRecall > 0.2, "trained recall " + trainedRecall);
        assertTrue(Math.abs(foldedRecall - trainedRecall) <= 0.1 * trainedRecall,
                "folded-in recall " + foldedRecall + " vs trained " + trainedRecall);
    }

    @Test
    void badArgumentsAreRejectedWithTheirNames() {
        assertEquals("batchSize must be at least 2, got 1", assertThrows(IllegalArgumentException.class,
                () -> TwoTowerRetrieval.Config.builder().batchSize(1).build()).getMessage());
        assertEquals("temperature must be finite and positive, got 0.0", assertThrows(IllegalArgumentException.class,
                () -> TwoTowerRetrieval.Config.builder().temperature(0).build()).getMessage());
        assertEquals("userIdDropout must be between 0.0 and 1.0, got 1.5", assertThrows(IllegalArgumentException.class,
                () -> TwoTowerRetrieval.Config.builder().userIdDropout(1.5).build()).getMessage());
        assertEquals("optimizer must be adagrad or adam, got 'sgd'", assertThrows(IllegalArgumentException.class,
                () -> TwoTowerRetrieval.Optimizer.parse("sgd")).getMessage());
        assertEquals(TwoTowerRetrieval.Optimizer.ADAGRAD, TwoTowerRetrieval.Optimizer.parse("Adagrad"));
    }
}
