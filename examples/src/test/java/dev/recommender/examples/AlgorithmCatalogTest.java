package dev.recommender.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.recommender.core.baseline.Popularity;
import dev.recommender.core.mf.Svd;
import dev.recommender.core.mf.SvdPlusPlus;
import dev.recommender.core.retrieval.ImplicitAls;
import dev.recommender.core.retrieval.TwoTowerRetrieval;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlgorithmCatalogTest {
    private static final AlgorithmCatalog.Context SEED = new AlgorithmCatalog.Context(DataFormat.SEED, 7, 2);
    private static final AlgorithmCatalog.Context RATINGS = new AlgorithmCatalog.Context(DataFormat.MOVIELENS, 7, 1);

    @Test
    void resolvesNamesInListOrder() {
        var algorithms = AlgorithmCatalog.standard().createAll(" svd, popularity ", SEED);
        assertEquals(List.of("svd", "popularity"), List.copyOf(algorithms.keySet()));
        assertInstanceOf(Popularity.Config.class, algorithms.get("popularity"));
    }

    @Test
    void svdPresetFollowsTheDataAndTheRun() {
        Svd.Config engagement = (Svd.Config) AlgorithmCatalog.standard().create("svd", SEED);
        assertEquals(Svd.Config.forEngagementRate().toBuilder().seed(7).threads(2).build(), engagement);
        Svd.Config ratings = (Svd.Config) AlgorithmCatalog.standard().create("svd", RATINGS);
        assertEquals(Svd.Config.forRatings().toBuilder().seed(7).threads(1).build(), ratings);
    }

    @Test
    void svdPlusPlusTakesTheRunsSeed() {
        assertEquals(SvdPlusPlus.Config.defaults().withSeed(7), AlgorithmCatalog.standard().create("svdpp", RATINGS));
    }

    @Test
    void retrievalModelsTakeTheRunsSeedAndThreads() {
        assertEquals(ImplicitAls.Config.builder().seed(7).threads(2).build(),
                AlgorithmCatalog.standard().create("implicit-als", SEED));
        assertEquals(TwoTowerRetrieval.Config.builder().seed(7).threads(2).build(),
                AlgorithmCatalog.standard().create("two-tower", SEED));
    }

    @Test
    void everyNameIsTheLibrarysNameOfTheAlgorithm() {
        // one vocabulary: the CLI name is the name in reports, run records and model files
        for (var entry : AlgorithmCatalog.standard().entries()) {
            String expected = entry.name().equals("taste-item-sampled") ? "taste-item" : entry.name();
            assertEquals(expected, entry.factory().apply(SEED).name(), entry.name());
        }
    }

    @Test
    void theFormerAlsSpellingStillWorksUnderTheLibrarysName() {
        AlgorithmCatalog catalog = AlgorithmCatalog.standard();
        assertEquals("implicit-als", catalog.canonicalName(" als "));
        assertEquals(List.of("svd", "implicit-als"), List.copyOf(catalog.createAll("svd,als", SEED).keySet()));
        assertEquals(catalog.create("implicit-als", SEED), catalog.create("als", SEED));
        assertEquals("algorithm 'implicit-als' is listed twice",
                assertThrows(UserInputException.class, () -> catalog.createAll("als,implicit-als", SEED)).getMessage());
        assertTrue(!catalog.names().contains("als"), "aliases are not listed as names");
        assertThrows(IllegalArgumentException.class, () -> AlgorithmCatalog.builder()
                .add("a", "first", c -> Popularity.Config.defaults()).alias("b", "c").build());
    }

    @Test
    void everyEntryConfiguresForBothKindsOfData() {
        // a factory that fails (e.g. a preset rejecting the seed or thread count) would fail here, not mid-run
        for (var entry : AlgorithmCatalog.standard().entries()) {
            for (var context : List.of(SEED, RATINGS)) {
                assertTrue(entry.factory().apply(context) != null, entry.name());
            }
        }
    }

    @Test
    void rejectsUnknownRepeatedAndEmptyLists() {
        AlgorithmCatalog catalog = AlgorithmCatalog.standard();
        assertEquals("unknown algorithm 'nope': expected one of " + String.join(", ", catalog.names()),
                assertThrows(UserInputException.class, () -> catalog.createAll("svd,nope", SEED)).getMessage());
        assertEquals("algorithm 'svd' is listed twice",
                assertThrows(UserInputException.class, () -> catalog.createAll("svd,svd", SEED)).getMessage());
        assertThrows(UserInputException.class, () -> catalog.createAll(" , ", SEED));
    }

    @Test
    void rejectsDuplicateRegistrationAndBadNames() {
        var builder = AlgorithmCatalog.builder().add("a", "first", c -> Popularity.Config.defaults())
                .add("a", "second", c -> Popularity.Config.defaults());
        assertEquals("algorithm 'a' is registered twice",
                assertThrows(IllegalArgumentException.class, builder::build).getMessage());
        assertThrows(IllegalArgumentException.class, () -> AlgorithmCatalog.builder().add("Bad Name", "", c -> null));
    }
}
