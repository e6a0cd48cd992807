package dev.recommender.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.recommender.core.Recommender;
import dev.recommender.core.io.ModelStore;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The quickstart on a small generated log (the built-in sample is exercised by the sample tests). */
class QuickstartCommandTest {
    @TempDir
    static Path dir;
    static Path log;

    @BeforeAll
    static void writeLog() throws Exception {
        log = TestLogs.seedLog(dir.resolve("events.csv"), 80, 30, 10, 11);
    }

    @Test
    void runsTheWholePathAndSavesAServableModel() throws Exception {
        Path models = dir.resolve("models");
        CliRun run = CliRun.of("quickstart", "--input", log.toString(), "--model-dir", models.toString(),
                "--runs-dir", dir.resolve("runs").toString());
        assertEquals(Cli.OK, run.exitCode(), run.err());
        for (String section : new String[] {"# 1. The data", "# 2. Predicting engaged_pct", "# 3. Ranking",
            "# 4. The final model", "# 5. A sample API call"}) {
            assertTrue(run.out().contains(section), section + " in:\n" + run.out());
        }
        Recommender model = ModelStore.load(models.resolve("model.bin"));
        assertEquals("svd", model.name());
        assertTrue(model.knowsUser("u000"));
    }

    @Test
    void withoutModelDirTheModelGoesToThePerUserFolderNotTheCurrentDirectory() {
        QuickstartCommand command = new QuickstartCommand();
        new picocli.CommandLine(command).parseArgs();
        assertEquals(UserDirs.modelDir(), command.modelDirectory());
        assertTrue(command.modelDirectory().isAbsolute(), command.modelDirectory().toString());
        assertEquals(Path.of("/state/recommender/models"), UserDirs.modelDir(java.util.Map.of("XDG_STATE_HOME", "/state"), "/home/u"));
        assertEquals(Path.of("/home/u/.local/state/recommender/models"), UserDirs.modelDir(java.util.Map.of(), "/home/u"));
    }

    @Test
    void jsonCarriesTheSampleRequestAndTheServersAnswer() throws Exception {
        Path models = dir.resolve("models-json");
        CliRun run = CliRun.of("quickstart", "--json", "--input", log.toString(), "--model-dir", models.toString(),
                "--runs-dir", dir.resolve("runs-json").toString());
        assertEquals(Cli.OK, run.exitCode(), run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        String user = json.get("request").get("user_id").asText();
        assertEquals(10, json.get("request").get("k").asInt());
        JsonNode response = json.get("response");
        assertEquals(user, response.get("user_id").asText());
        assertFalse(response.get("fallback").asBoolean());
        assertEquals(10, response.get("items").size());
        assertEquals(10, response.get("recommendations").size());
        // the ordered object and the array agree, best first
        var names = response.get("recommendations").fieldNames();
        double previous = Double.POSITIVE_INFINITY;
        for (int rank = 1; rank <= 10; rank++) {
            JsonNode item = response.get("items").get(rank - 1);
            assertEquals(rank, item.get("rank").asInt());
            assertEquals(item.get("content_id").asText(), names.next());
            assertTrue(item.get("score").asDouble() <= previous);
            previous = item.get("score").asDouble();
        }
        assertEquals(3, json.get("ratingPrediction").size());
        assertTrue(Files.exists(Path.of(json.get("runRecord").asText())));
    }
}
