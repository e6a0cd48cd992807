package dev.recommender.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
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
    void reportCreatesItsFolderAndWritesOneSelfContainedHtmlPage() throws Exception {
        Path report = dir.resolve("not-yet/reports");
        CliRun run = run(with(input("evaluate"), "--algorithms", "popularity,svd", "--report", report.toString(),
                "--runs-dir", dir.resolve("runs-report").toString()));
        assertEquals(Cli.OK, run.exitCode(), run.err());
        for (String file : List.of("report.md", "report.csv", "report.json", "report.html")) {
            assertTrue(Files.isRegularFile(report.resolve(file)), file);
        }
        String html = Files.readString(report.resolve("report.html"));
        assertTrue(html.startsWith("<!DOCTYPE html>"), html);
        assertTrue(html.contains("<th>algorithm</th>"), html);
        assertTrue(html.contains("<td>popularity</td>") && html.contains("<td>svd</td>"), html);
        // charts are embedded; nothing is fetched from elsewhere
        assertTrue(html.contains("alt=\"ndcg@10 per algorithm\" src=\"data:image/png;base64,"), html);
        assertFalse(html.contains("http://") || html.contains("https://") || html.contains("<script"), html);
        int start = html.indexOf("base64,") + "base64,".length();
        byte[] png = Base64.getDecoder().decode(html.substring(start, html.indexOf('"', start)));
        assertEquals(0x89, png[0] & 0xff);
        assertEquals("PNG", new String(png, 1, 3, StandardCharsets.US_ASCII));
    }

    @Test
    void aReportFolderThatCannotBeCreatedFailsBeforeAnyWork() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        CliRun run = run(with(input("evaluate"), "--algorithms", "popularity", "--report",
                file.resolve("sub").toString(), "--runs-dir", dir.resolve("runs-bad").toString()));
        assertEquals(Cli.USAGE, run.exitCode(), run.err());
        assertTrue(run.err().contains("error: --report " + file.resolve("sub") + ": cannot create the folder"), run.err());
        assertFalse(run.err().contains("Evaluator"), "no evaluation ran: " + run.err());
        assertFalse(Files.exists(dir.resolve("runs-bad")), "no run record");
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
        assertTrue(run.err().contains("error: unknown algorithm 'nope': expected one of popularity, baseline, svd, svdpp, implicit-als"),
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
