package dev.recommender.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The svd command on MovieLens latest-small (skipped unless {@code -Ddata.dir} points at the folder holding
 * {@code ml-latest-small/ratings.csv}).
 */
class MovieLensCommandsTest {
    static Path ratings;

    @TempDir
    Path dir;

    @BeforeAll
    static void findData() {
        String dataDir = System.getProperty("data.dir", "");
        assumeTrue(!dataDir.isBlank(), "data.dir not set");
        ratings = Path.of(dataDir, "ml-latest-small", "ratings.csv");
        assumeTrue(Files.isRegularFile(ratings), "no " + ratings);
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
