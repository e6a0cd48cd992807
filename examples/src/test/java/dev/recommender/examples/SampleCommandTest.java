package dev.recommender.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sample command: a small synthetic log, deterministic per seed. */
class SampleCommandTest {
    @TempDir
    Path dir;

    private CliRun sample(Path out, long seed, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("sample", "--out", out.toString(), "--seed",
                Long.toString(seed), "--users", "40", "--items", "25", "--events", "1000"));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void writesTheRequestedSizeInTheSeedFormat() throws Exception {
        Path out = dir.resolve("sample.csv");
        CliRun run = sample(out, 7);
        assertEquals(Cli.OK, run.exitCode(), run.err());
        List<String> lines = Files.readAllLines(out);
        assertEquals("user_id,content_id,event_timestamp,event_type", lines.get(0));
        assertEquals(1 + 1000, lines.size(), "header + one line per event");
        assertTrue(run.out().startsWith("Wrote " + out + ": 40 users, 25 items, 1,000 events, seed 7"), run.out());
    }

    @Test
    void sameSeedSameBytesOtherSeedOtherBytes() throws Exception {
        Path a = dir.resolve("a.csv");
        Path b = dir.resolve("b.csv");
        Path c = dir.resolve("c.csv");
        assertEquals(Cli.OK, sample(a, 3).exitCode());
        assertEquals(Cli.OK, sample(b, 3).exitCode());
        assertEquals(Cli.OK, sample(c, 4).exitCode());
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(a), Files.readAllBytes(c)));
    }

    @Test
    void jsonNamesTheFileAndItsDigest() throws Exception {
        Path out = dir.resolve("sample.csv");
        CliRun run = sample(out, 7, "--json");
        assertEquals(Cli.OK, run.exitCode(), run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertEquals(out.toString(), json.get("file").asText());
        assertEquals(RunRecord.sha256(out), json.get("sha256").asText());
        assertEquals(40, json.get("config").get("users").asInt());
    }

    @Test
    void impossibleSizesAreAUsageError() {
        CliRun run = CliRun.of("sample", "--out", dir.resolve("x.csv").toString(), "--users", "100", "--events", "10");
        assertEquals(Cli.USAGE, run.exitCode());
        assertEquals("error: events must be between 5 per user (500) and 268435455, got 10" + System.lineSeparator(),
                run.err());
    }
}
