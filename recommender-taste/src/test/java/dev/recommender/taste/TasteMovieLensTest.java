package dev.recommender.taste;

import dev.recommender.core.data.Interactions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The rating presets on MovieLens latest-small, fold 0 of protocol A in docs/protocols.md (80/20 from a
 * {@code Random(42)} shuffle; unknown pairs get the training mean; predictions clipped to [1, 5]).
 * Skipped unless the system property {@code data.dir} names the shared data directory. Quality
 * thresholds only; fit times belong to {@code TasteBenchmark}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TasteMovieLensTest {
    private Interactions train;
    private List<String[]> test;

    @BeforeAll
    void split() throws IOException {
        String dataDir = System.getProperty("data.dir", "");
        assumeTrue(!dataDir.isBlank(), "data.dir not set");
        Path file = Path.of(dataDir, "ml-latest-small", "ratings.csv");
        assumeTrue(Files.isReadable(file), file + " not readable");
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String[]> ratings = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isBlank()) {
                ratings.add(line.strip().split(","));
            }
        }
        List<Integer> permutation = new ArrayList<>();
        for (int k = 0; k < ratings.size(); k++) {
            permutation.add(k);
        }
        Collections.shuffle(permutation, new Random(42));
        Interactions.Builder builder = Interactions.builder();
        test = new ArrayList<>();
        for (int p = 0; p < permutation.size(); p++) {
            String[] rating = ratings.get(permutation.get(p));
            if (p % 5 == 0) {
                test.add(rating);
            } else {
                builder.add(rating[0], rating[1], Float.parseFloat(rating[2]));
            }
        }
        train = builder.build();
    }

    private double rmse(TasteRecommender model) {
        double squares = 0;
        for (String[] rating : test) {
            double error = Math.max(1, Math.min(5, model.score(rating[0], rating[1]))) - Double.parseDouble(rating[2]);
            squares += error * error;
        }
        return Math.sqrt(squares / test.size());
    }

    private double meanRmse() {
        double mean = train.meanValue();
        double squares = 0;
        for (String[] rating : test) {
            double error = mean - Double.parseDouble(rating[2]);
            squares += error * error;
        }
        return Math.sqrt(squares / test.size());
    }

    @Test
    void sgdMatchesThePeerHarness() {
        double rmse = rmse(TasteSgd.defaults().fit(train));
        // peer harness, 5-fold mean: 0.8744; the global mean scores about 1.04
        assertTrue(rmse < 0.89 && rmse < meanRmse() - 0.1, "taste-sgd RMSE " + rmse + ", mean " + meanRmse());
    }

    @Test
    void repairedAlsBeatsStockTaste() {
        TasteAls als = TasteAls.defaults();
        double repaired = rmse(als.fit(train));
        double stock = rmse(als.withRepairRatingOrder(false).fit(train));
        assertTrue(repaired < 0.90, "repaired taste-als RMSE " + repaired);
        assertTrue(repaired < stock - 0.005, "repaired " + repaired + " against stock " + stock);
    }
}
