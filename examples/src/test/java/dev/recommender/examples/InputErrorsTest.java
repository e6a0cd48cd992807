package dev.recommender.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Bad input: exit code 2, one clear error line, no stack trace. */
class InputErrorsTest extends CommandTestSupport {
    @Test
    void badFormatIsAUsageError() {
        CliRun run = run("summarize", "--input", log.toString(), "--format", "csv");
        assertEquals(Cli.USAGE, run.exitCode());
        assertTrue(run.err().contains("unknown format 'csv': expected one of events, movielens, ml100k"), run.err());
        assertFalse(run.err().contains("\tat "), run.err());
        assertEquals("", run.out());
    }

    @Test
    void missingFileIsAUsageError() {
        Path missing = dir.resolve("no-such-file.csv");
        CliRun run = run("summarize", "--input", missing.toString());
        assertEquals(Cli.USAGE, run.exitCode());
        assertEquals("error: input file not found: " + missing + System.lineSeparator(), run.err());
        assertEquals("", run.out());
    }

    @Test
    void malformedDataNamesFileAndLine() throws Exception {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "user_id,content_id,event_timestamp,event_type\nu1,c1,1640995200.0,viewed\n"
                + "u1,c2,yesterday,viewed\n");
        CliRun run = run("summarize", "--input", bad.toString());
        assertEquals(Cli.USAGE, run.exitCode());
        assertTrue(run.err().startsWith("error: "), run.err());
        assertTrue(run.err().contains(bad + ":3"), "file and line in: " + run.err());
        assertTrue(run.err().contains("event_timestamp"), "column in: " + run.err());
        assertFalse(run.err().contains("\tat "), run.err());
    }

    @Test
    void lenientReadSkipsAndCountsMalformedRows() throws Exception {
        Path bad = dir.resolve("bad-lenient.csv");
        Files.writeString(bad, "user_id,content_id,event_timestamp,event_type\nu1,c1,1640995200.0,viewed\n"
                + "u1,c2,yesterday,viewed\n,c3,1640995200.0,engaged\nu2,c1,1640995300.0,engaged\n");
        CliRun run = run("summarize", "--lenient", "--input", bad.toString());
        assertEquals(Cli.OK, run.exitCode(), run.err());
        // 4 rows: one bad time, one empty user id, two kept
        assertTrue(run.err().contains("note: lenient read skipped malformed rows: " + bad + ": 4 rows, 2 events, skipped 2"),
                run.err());
        assertTrue(run.out().contains("| events | 2 |"), run.out());
    }

    @Test
    void movieLensFormatNeedsAnInputFile() {
        CliRun run = run("summarize", "--format", "movielens", "--sample-dir", dir.resolve("s").toString());
        assertEquals(Cli.USAGE, run.exitCode());
        assertTrue(run.err().contains("--format movielens needs --input FILE"), run.err());
    }
}
