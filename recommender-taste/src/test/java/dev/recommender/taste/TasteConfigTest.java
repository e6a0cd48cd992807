package dev.recommender.taste;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TasteConfigTest {

    private static void assertRejected(String message, Executable construction) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, construction);
        assertEquals(message, error.getMessage());
    }

    @Test
    void defaultsAreDocumented() {
        TasteAls als = TasteAls.defaults();
        assertEquals(List.of(10, 0.15, 10, 42L, true),
                List.of(als.factors(), als.lambda(), als.iterations(), als.seed(), als.repairRatingOrder()));
        TasteAlsImplicit implicit = TasteAlsImplicit.defaults();
        assertEquals(List.of(20, 0.065, 1.0, 10), List.of(implicit.factors(), implicit.lambda(), implicit.alpha(),
                implicit.iterations()));
        TasteSgd sgd = TasteSgd.defaults();
        assertEquals(List.of(50, 30, 0.01, 0.1, 0.01, 1.0), List.of(sgd.factors(), sgd.iterations(),
                sgd.learningRate(), sgd.regularization(), sgd.randomNoise(), sgd.learningRateDecay()));
        TasteUserBased user = TasteUserBased.defaults();
        assertEquals(List.of(50, TasteUserBased.Similarity.PEARSON, 0.0),
                List.of(user.neighborhoodSize(), user.similarity(), user.minSimilarity()));
        TasteItemBased item = TasteItemBased.defaults();
        assertEquals(List.of(TasteItemBased.Candidates.PREFERRED_ITEMS_NEIGHBORHOOD, 30),
                List.of(item.candidates(), item.samplingFactor()));
    }

    @Test
    void withersChangeOneComponent() {
        assertEquals(new TasteSgd(64, 30, 0.01, 0.1, 0.01, 1.0, 42L), TasteSgd.defaults().withFactors(64));
        assertEquals(new TasteAls(10, 0.15, 10, 3, 9L, false),
                TasteAls.defaults().withThreads(3).withSeed(9).withRepairRatingOrder(false));
        assertEquals(new TasteAlsImplicit(20, 0.065, 40, 10, 1, 42L),
                TasteAlsImplicit.defaults().withAlpha(40).withThreads(1));
        assertEquals(new TasteUserBased(5, TasteUserBased.Similarity.LOG_LIKELIHOOD, -1, 42L),
                TasteUserBased.defaults().withNeighborhoodSize(5)
                        .withSimilarity(TasteUserBased.Similarity.LOG_LIKELIHOOD).withMinSimilarity(-1));
        assertEquals(new TasteItemBased(TasteItemBased.Candidates.SAMPLING, 5, 1L),
                TasteItemBased.defaults().withCandidates(TasteItemBased.Candidates.SAMPLING).withSamplingFactor(5)
                        .withSeed(1));
    }

    @Test
    void invalidSettingsNameTheArgumentAndValue() {
        assertRejected("factors must be at least 1, got 0", () -> TasteAls.defaults().withFactors(0));
        assertRejected("lambda must be positive and finite, got 0.0", () -> TasteAls.defaults().withLambda(0));
        assertRejected("lambda must be positive and finite, got NaN",
                () -> TasteAlsImplicit.defaults().withLambda(Double.NaN));
        assertRejected("alpha must be positive and finite, got Infinity",
                () -> TasteAlsImplicit.defaults().withAlpha(Double.POSITIVE_INFINITY));
        assertRejected("iterations must be at least 1, got -3", () -> TasteSgd.defaults().withIterations(-3));
        assertRejected("threads must be at least 1, got 0", () -> TasteAlsImplicit.defaults().withThreads(0));
        assertRejected("learningRate must be positive and finite, got -0.1",
                () -> TasteSgd.defaults().withLearningRate(-0.1));
        assertRejected("regularization must be non-negative and finite, got -1.0",
                () -> TasteSgd.defaults().withRegularization(-1));
        assertRejected("randomNoise must be non-negative and finite, got NaN",
                () -> TasteSgd.defaults().withRandomNoise(Double.NaN));
        assertRejected("learningRateDecay must be in (0, 1], got 1.5",
                () -> TasteSgd.defaults().withLearningRateDecay(1.5));
        assertRejected("neighborhoodSize must be at least 1, got 0",
                () -> TasteUserBased.defaults().withNeighborhoodSize(0));
        assertRejected("minSimilarity must not be NaN, got NaN",
                () -> TasteUserBased.defaults().withMinSimilarity(Double.NaN));
        assertRejected("samplingFactor must be at least 1, got 0", () -> TasteItemBased.defaults().withSamplingFactor(0));
        assertThrows(NullPointerException.class, () -> TasteItemBased.defaults().withCandidates(null));
    }

    @Test
    void presetsAreFoundByTheirCliNames() {
        assertEquals(List.of("taste-item", "taste-user", "taste-als", "taste-als-implicit", "taste-sgd"),
                TasteAlgorithms.names());
        assertInstanceOf(TasteItemBased.class, TasteAlgorithms.byName("taste-item"));
        assertInstanceOf(TasteUserBased.class, TasteAlgorithms.byName("taste-user"));
        assertInstanceOf(TasteAls.class, TasteAlgorithms.byName("taste-als"));
        assertInstanceOf(TasteAlsImplicit.class, TasteAlgorithms.byName("taste-als-implicit"));
        assertInstanceOf(TasteSgd.class, TasteAlgorithms.byName("taste-sgd"));
        for (String name : TasteAlgorithms.names()) {
            assertEquals(name, TasteAlgorithms.byName(name).name());
        }
        assertRejected("name must be one of [taste-item, taste-user, taste-als, taste-als-implicit, taste-sgd], "
                + "got 'taste-svd'", () -> TasteAlgorithms.byName("taste-svd"));
    }
}
