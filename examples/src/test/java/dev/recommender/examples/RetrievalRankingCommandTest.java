package dev.recommender.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.recommender.core.RecommendRequest;
import dev.recommender.core.io.ModelStore;
import dev.recommender.core.ranking.RetrievalRanking;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The retrieval-ranking command on a small planted log (two-tower left out to keep it quick). */
class RetrievalRankingCommandTest {
    @TempDir
    static Path dir;
    static Path log;

    @BeforeAll
    static void writeLog() throws Exception {
        log = TestLogs.seedLog(dir.resolve("events.csv"), 150, 40, 12, 11);
    }

    @Test
    void printsTheSeedTableSavesAServableModelAndDrawsTheCurves() throws Exception {
        Path save = dir.resolve("model");
        CliRun run = CliRun.of("retrieval-ranking", "--input", log.toString(), "--format", "seed", "--skip", "two-tower",
                "--trees", "20", "--candidates", "20", "--model-dir", save.toString(), "--runs-dir",
                dir.resolve("runs").toString());
        assertEquals(Cli.OK, run.exitCode(), run.err());
        assertTrue(run.out().contains("| algorithm | rmse | top_k_accuracy@1 | top_k_accuracy@5 | top_k_accuracy@10 "
                        + "| top_k_accuracy@50 | top_k_accuracy@100 |"),
                run.out());
        assertTrue(run.out().contains("| retrieval-ranking | 0."), run.out());
        assertTrue(run.out().contains("RMSE of engagement rate on the "), run.out());
        // epoch lines go to the log (at most 3 per fit); the run record keeps every epoch
        String record;
        try (var files = Files.list(dir.resolve("runs"))) {
            record = Files.readString(files.filter(f -> f.toString().endsWith("-retrieval-ranking.json"))
                    .findFirst().orElseThrow());
        }
        assertTrue(record.matches("(?s).*\"algorithm\" ?: ?\"ranking-gbdt\",\\s*\"epoch\" ?: ?10,.*"), record);
        assertTrue(Files.size(save.resolve(RetrievalRankingCommand.CURVE_FILE)) > 0);
        // implicit ALS (15 iterations) reports its top-K accuracy on the test pairs after every iteration
        assertTrue(run.out().contains("| model | epoch | loss | top-10 | top-100 |"), run.out());
        assertTrue(run.out().matches("(?s).*\\| implicit-als \\| 15/15 \\| [0-9.]+ \\| [0-9.]+ \\| [0-9.]+ \\|\n.*"),
                run.out());
        assertTrue(Files.size(save.resolve(RetrievalRankingCommand.ACCURACY_FILE)) > 0);
        assertTrue(run.out().contains("Accuracy curves: " + save.resolve(RetrievalRankingCommand.ACCURACY_FILE)),
                run.out());
        RetrievalRanking model = ModelStore.load(save.resolve(RetrievalRankingCommand.MODEL_FILE),
                RetrievalRanking.class);
        assertEquals(5, model.recommend("u001", RecommendRequest.top(5)).size());
        // on an engagement log the two-stage model's rate model is exposure-rate unless --scorer says svd
        assertTrue(model.scorer() instanceof dev.recommender.core.mf.ExposureRate, model.scorer().getClass().getName());
    }

    @Test
    void jsonModePrintsOneObject() throws Exception {
        CliRun run = CliRun.of("retrieval-ranking", "--input", log.toString(), "--skip", "two-tower,implicit-als",
                "--scorer", "svd", "--trees", "10", "--json", "--charts", dir.resolve("charts").toString(), "--runs-dir",
                dir.resolve("runs").toString());
        assertEquals(Cli.OK, run.exitCode(), run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertEquals(3, json.get("models").size()); // popularity, svd, retrieval-ranking
        assertEquals("retrieval-ranking", json.get("models").get(2).get("model").asText());
        assertEquals(5, json.get("models").get(2).get("top_k_accuracy").size());
        assertTrue(json.get("models").get(2).get("rmse").asDouble() > 0);
        assertTrue(json.get("models").get(0).get("rmse").isNull(), "popularity has no RMSE");
        // no retrieval comparison model left: no per-epoch accuracy
        assertTrue(json.get("accuracy_chart").isNull(), run.out());
        assertEquals(0, json.get("epoch_accuracy").size());
    }

    @Test
    void badOptionsAreUsageErrors() {
        CliRun split = CliRun.of("retrieval-ranking", "--input", log.toString(), "--split", "1.5");
        assertEquals(Cli.USAGE, split.exitCode());
        assertTrue(split.err().contains("error: --split must be in (0, 1), got 1.5"), split.err());
        CliRun random = CliRun.of("retrieval-ranking", "--input", log.toString(), "--split", "random:0.2");
        assertEquals(Cli.USAGE, random.exitCode());
        assertTrue(random.err().contains("error: retrieval-ranking --split must be temporal:F"), random.err());
        assertEquals(0.25, RetrievalRankingCommand.testShare("temporal:0.25"));
        assertEquals(0.25, RetrievalRankingCommand.testShare("0.25"));
        CliRun retrieval = CliRun.of("retrieval-ranking", "--input", log.toString(), "--retrieval", "knn");
        assertEquals(Cli.USAGE, retrieval.exitCode());
        assertTrue(retrieval.err().contains("error: --retrieval must be implicit-als or two-tower, got 'knn'"), retrieval.err());
        CliRun scorer = CliRun.of("retrieval-ranking", "--input", log.toString(), "--scorer", "rate-als");
        assertEquals(Cli.USAGE, scorer.exitCode());
        assertTrue(scorer.err().contains("error: --scorer must be exposure-rate or svd, got 'rate-als'"), scorer.err());
        CliRun candidates = CliRun.of("retrieval-ranking", "--input", log.toString(), "--candidates", "0");
        assertEquals(Cli.USAGE, candidates.exitCode());
        assertTrue(candidates.err().contains("error: --candidates must be a positive number or all, got '0'"),
                candidates.err());
    }
}
