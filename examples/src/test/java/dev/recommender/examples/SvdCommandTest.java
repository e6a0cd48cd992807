package dev.recommender.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The svd command on a small generated log. */
class SvdCommandTest extends CommandTestSupport {
    @Test
    void svdPrintsTheThreeErrorRowsAndATopTen() {
        CliRun run = run(with(input("svd"), "--epochs", "3", "--runs-dir", dir.resolve("runs-svd").toString()));
        assertEquals(Cli.OK, run.exitCode(), run.err());
        assertTrue(run.out().contains("| model | RMSE | MAE | fit s |"), run.out());
        for (String model : List.of("| global mean |", "| baseline |", "| svd |")) {
            assertTrue(run.out().contains(model), model + " row in:\n" + run.out());
        }
        assertTrue(run.out().contains("| 3 | "), "epoch 3 row of the loss table:\n" + run.out());
        assertTrue(run.out().contains("Top 10 for user "), run.out());
    }

    @Test
    void svdTakesASplitSpecLikeEvaluateAndStillTheOldTestFraction() throws Exception {
        CliRun spec = run(with(input("svd"), "--epochs", "2", "--json", "--split", "temporal:0.3",
                "--runs-dir", dir.resolve("runs-spec").toString()));
        assertEquals(Cli.OK, spec.exitCode(), spec.err());
        assertEquals("temporal:0.3", new ObjectMapper().readTree(spec.out()).get("split").asText());
        CliRun old = run(with(input("svd"), "--epochs", "2", "--json", "--test-fraction", "0.3",
                "--runs-dir", dir.resolve("runs-old").toString()));
        assertEquals(Cli.OK, old.exitCode(), old.err());
        assertEquals("random:0.3", new ObjectMapper().readTree(old.out()).get("split").asText());
    }

    @Test
    void svdJsonIsOneObjectWithTheExpectedFields() throws Exception {
        Path runs = dir.resolve("runs-json");
        Path model = dir.resolve("svd-model").resolve("model.bin");
        CliRun run = run(with(input("svd"), "--epochs", "4", "--json", "--model-dir", model.getParent().toString(),
                "--runs-dir", runs.toString()));
        assertEquals(Cli.OK, run.exitCode(), run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertEquals("svd", json.get("command").asText());
        assertEquals(3, json.get("results").size());
        assertEquals("global mean", json.get("results").get(0).get("model").asText());
        assertEquals("baseline", json.get("results").get(1).get("model").asText());
        assertEquals("svd", json.get("results").get(2).get("model").asText());
        for (JsonNode row : json.get("results")) {
            double rmse = row.get("rmse").asDouble();
            assertTrue(rmse > 0 && rmse < 1, "engagement-rate RMSE in (0, 1): " + rmse);
            assertTrue(row.get("mae").asDouble() <= rmse + 1e-12, "MAE <= RMSE");
        }
        assertEquals(4, json.get("epochs").size());
        assertEquals(10, json.get("example").get("items").size());
        // every (user, item) pair is on exactly one side of the holdout: 120 users x 12 items
        assertEquals(120 * 12, json.get("trainPairs").asInt() + json.get("testPairs").asInt());
        assertTrue(Files.size(model) > 0);
        Path record = Path.of(json.get("runRecord").asText());
        JsonNode recorded = new ObjectMapper().readTree(record.toFile());
        assertEquals("svd", recorded.get("command").asText());
        assertEquals(RunRecord.sha256(log), recorded.get("data").get("sha256").asText());
        assertEquals(4, recorded.get("epochs").size());
        assertTrue(recorded.get("metrics").has("svd.rmse"));
        assertEquals(model.toAbsolutePath().normalize().toString(), recorded.get("models").get("svd").asText());
    }

    @Test
    void theFormerSaveFileOptionStillWritesThatFileWithAWarning() throws Exception {
        Path model = dir.resolve("former.bin");
        CliRun run = run(with(input("svd"), "--epochs", "1", "--save", model.toString(),
                "--runs-dir", dir.resolve("runs-former").toString()));
        assertEquals(Cli.OK, run.exitCode(), run.err());
        assertTrue(Files.size(model) > 0);
        assertTrue(run.err().contains("--save FILE is deprecated; use --model-dir DIR"), run.err());
    }

    @Test
    void gridSearchesTheSeedsEightPointsAndReportsTheBest() throws Exception {
        CliRun run = run(with(input("svd"), "--grid", "--json", "--runs-dir", dir.resolve("runs-grid").toString()));
        assertEquals(Cli.OK, run.exitCode(), run.err());
        JsonNode grid = new ObjectMapper().readTree(run.out()).get("grid");
        assertEquals(0.2, grid.get("validationFraction").asDouble());
        // epochs {5, 10} x learning rate {0.002, 0.005} x regularisation {0.4, 0.6}
        assertEquals(8, grid.get("rows").size());
        double best = Double.POSITIVE_INFINITY;
        for (JsonNode row : grid.get("rows")) {
            best = Math.min(best, row.get("rmse").asDouble());
        }
        assertEquals(best, grid.get("rmse").asDouble(), 0.0, "the reported best has the smallest validation RMSE");
        assertTrue(List.of(5, 10).contains(grid.get("best").get("epochs").asInt()));
    }
}
