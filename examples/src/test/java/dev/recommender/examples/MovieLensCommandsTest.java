package dev.recommender.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.recommender.core.testing.MovieLensData;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The svd command on MovieLens latest-small (skipped unless {@code -Ddata.dir} is set, failed if it is set but
 * {@code ml-latest-small/ratings.csv} is missing below it: {@link MovieLensData}).
 */
class MovieLensCommandsTest {
    static Path ratings;

    @TempDir
    Path dir;

    @BeforeAll
    static void findData() {
        ratings = MovieLensData.ratingsCsv();
    }

    @Test
    void svdBeatsTheBaselineWhichBeatsTheMean() throws Exception {
        CliRun run = CliRun.of("svd", "--input", ratings.toString(), "--format", "movielens", "--json",
                "--runs-dir", dir.resolve("runs").toString());
        assertEquals(Cli.OK, run.exitCode(), run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertEquals(100_836, json.get("events").asInt());
        assertEquals(100_836, json.get("trainPairs").asInt() + json.get("testPairs").asInt());
        double mean = json.get("results").get(0).get("rmse").asDouble();
        double baseline = json.get("results").get(1).get("rmse").asDouble();
        double svd = json.get("results").get(2).get("rmse").asDouble();
        assertTrue(svd < baseline && baseline < mean, "mean " + mean + " > baseline " + baseline + " > svd " + svd);
        assertTrue(svd < 0.88, "svd RMSE on a 20% pair holdout: " + svd);
    }
}
