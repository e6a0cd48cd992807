package dev.recommender.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The evaluate command on a small generated log. */
class EvaluateCommandTest extends CommandTestSupport {
    @Test
    void evaluatePrintsTheTableAndDrawsTheChart() throws Exception {
        Path chart = dir.resolve("ndcg.png");
        CliRun run = run(with(input("evaluate"), "--algorithms", "popularity,baseline,svd", "--chart",
                chart.toString(), "--metric", "ndcg@10", "--runs-dir", dir.resolve("runs-eval").toString()));
        assertEquals(Cli.OK, run.exitCode(), run.err());
        for (String name : List.of("popularity", "baseline", "svd")) {
            assertTrue(run.out().contains("| " + name + " "), name + " row in:\n" + run.out());
        }
        assertTrue(run.out().contains("ndcg@10"), run.out());
        ChartsTest.assertReadablePng(chart);
    }

    @Test
    void protocolBRanksOnlyAndJsonIsOneObject() throws Exception {
        CliRun run = run(with(input("evaluate"), "--split", "protocolB", "--algorithms", "popularity,svd", "--json",
                "--runs-dir", dir.resolve("runs-b").toString()));
        assertEquals(Cli.OK, run.exitCode(), run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertEquals("protocolB", json.get("split").asText());
        String report = json.get("report").toString();
        // training values are binarised under protocol B: predicted ratings would be meaningless
        assertFalse(report.contains("\"rmse\""), report);
        assertTrue(report.contains("\"ndcg@10\""), report);
    }

    @Test
    void listsTheCatalog() {
        CliRun run = run("evaluate", "--list-algorithms");
        assertEquals(Cli.OK, run.exitCode(), run.err());
        for (String name : AlgorithmCatalog.standard().names()) {
            assertTrue(run.out().contains(name + " "), name + " in:\n" + run.out());
        }
    }

    @Test
    void evaluateRejectsAnUnknownAlgorithm() {
        CliRun run = run(with(input("evaluate"), "--algorithms", "popularity,nope"));
        assertEquals(Cli.USAGE, run.exitCode());
        assertTrue(run.err().contains("error: unknown algorithm 'nope': expected one of popularity, baseline, svd, als"),
                run.err());
        assertFalse(run.err().contains("\tat "), run.err());
    }

    @Test
    void evaluateRejectsABadSplit() {
        CliRun run = run(with(input("evaluate"), "--split", "random:2"));
        assertEquals(Cli.USAGE, run.exitCode());
        assertTrue(run.err().contains("split 'random:2': the fraction must be in (0, 1), got 2"), run.err());
    }
}
