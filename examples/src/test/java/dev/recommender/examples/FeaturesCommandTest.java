package dev.recommender.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The features command on a hand-written log. */
class FeaturesCommandTest extends CommandTestSupport {
    @Test
    void featuresFromAHandWrittenLog() throws Exception {
        Path file = dir.resolve("tiny.csv");
        // the same events as TinyData.log(): u1 c1 viewed+engaged, u1 c2 viewed, u2 c1 viewed x2 + engaged, u2 c3 engaged
        Files.writeString(file, "user_id,content_id,event_timestamp,event_type\n"
                + "u1,c1,1.6409952e+09,viewed\n"
                + "u1,c1,1640995260.0,engaged\n"
                + "u1,c2,1640995320.0,viewed\n"
                + "u2,c1,1641081600.0,viewed\n"
                + "u2,c1,1641081660.0,viewed\n"
                + "u2,c1,1641081720.0,engaged\n"
                + "u2,c3,1641168000.0,engaged\n");
        Path out = dir.resolve("features");
        CliRun run = run("features", "--input", file.toString(), "--out", out.toString());
        assertEquals(Cli.OK, run.exitCode(), run.err());
        assertEquals(List.of(
                "user_id,content_id,viewed_count,engaged_count,shown_count,engaged_pct",
                "u1,c1,1,1,2,0.5",
                "u1,c2,1,0,1,0.0",
                "u2,c1,2,1,3,0.3333333333333333",
                "u2,c3,0,1,1,1.0"), Files.readAllLines(out.resolve("pairs.csv")));
        assertEquals(List.of("content_id", "c1", "c2", "c3"), Files.readAllLines(out.resolve("content.csv")));
    }
}
