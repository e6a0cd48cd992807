package dev.recommender.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The summarize command on a small generated log. */
class SummarizeCommandTest extends CommandTestSupport {
    @Test
    void summarizeWritesReadableCharts() throws Exception {
        Path charts = dir.resolve("charts");
        CliRun run = run(with(input("summarize"), "--charts", charts.toString()));
        assertEquals(Cli.OK, run.exitCode(), run.err());
        assertTrue(run.out().contains("| users | 120 |"), run.out());
        assertTrue(run.out().contains("| items | 40 |"), run.out());
        assertTrue(run.out().contains("| (user, item) pairs | 1,440 |"), run.out());
        for (String name : List.of("engaged_pct-histogram.png", "shown_count-histogram.png",
                "engaged_count-histogram.png", "item-mean-vs-count.png")) {
            ChartsTest.assertReadablePng(charts.resolve(name));
        }
    }

    @Test
    void summarizeJsonParses() throws Exception {
        CliRun run = run(with(input("summarize"), "--json"));
        assertEquals(Cli.OK, run.exitCode(), run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertEquals(120, json.get("summary").get("users").asInt());
        assertEquals(1440, json.get("summary").get("pairs").asInt());
    }
}
