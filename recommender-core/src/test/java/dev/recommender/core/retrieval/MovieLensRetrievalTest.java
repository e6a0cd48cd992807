package dev.recommender.core.retrieval;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Protocol B of PROTOCOLS.md on MovieLens latest-small (needs {@code -Ddata.dir}; skipped otherwise):
 * implicit ALS with its defaults must beat the target NDCG@10 of 0.338 (best peer: Taste ALS-WR
 * implicit 0.3070), and the two-tower model must beat popularity (0.1768).
 */
class MovieLensRetrievalTest {
    private static MovieLensProtocolB data;

    @BeforeAll
    static void load() {
        String dir = System.getProperty("data.dir", "");
        assumeTrue(!dir.isBlank(), "data.dir not set");
        Path ratings = Path.of(dir, "ml-latest-small", "ratings.csv");
        assumeTrue(Files.isRegularFile(ratings), "no " + ratings);
        data = MovieLensProtocolB.load(ratings);
    }

    @Test
    void implicitAlsDefaultsBeatTheTarget() {
        ImplicitAls model = ImplicitAls.fit(data.training, ImplicitAls.Config.defaults().toBuilder().threads(2).build());
        MovieLensProtocolB.Metrics metrics = data.evaluate(model);
        System.out.println("implicit ALS defaults, protocol B: " + metrics);
        assertTrue(metrics.ndcg() >= 0.338, metrics.toString());
    }

    @Test
    void twoTowerBeatsPopularity() {
        TwoTowerRetrieval model = TwoTowerRetrieval.fit(data.training,
                TwoTowerRetrieval.Config.defaults().toBuilder().epochs(5).threads(2).build());
        MovieLensProtocolB.Metrics metrics = data.evaluate(model);
        System.out.println("two-tower (5 epochs), protocol B: " + metrics);
        assertTrue(metrics.ndcg() > 0.1768, metrics.toString());
    }
}
