package dev.recommender.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without --input, commands use the built-in sample, written once, and say so on standard error. */
class InputOptionsTest {
    @Test
    void noInputWritesTheSampleOnceAndSaysSo(@TempDir Path dir) throws Exception {
        Path sampleDir = dir.resolve("sample");
        Path sample = sampleDir.resolve(InputOptions.SAMPLE_FILE);
        CliRun first = CliRun.of("summarize", "--json", "--sample-dir", sampleDir.toString());
        assertEquals(Cli.OK, first.exitCode(), first.err());
        assertTrue(first.err().contains("note: no --input given: using the built-in sample " + sample + " (written now)"),
                first.err());
        // the sample has the proof of concept's shape: 7,252 users and 583 items
        var json = new ObjectMapper().readTree(first.out());
        assertEquals(7_252, json.get("summary").get("users").asInt());
        assertEquals(583, json.get("summary").get("items").asInt());
        long written = Files.getLastModifiedTime(sample).toMillis();

        CliRun second = CliRun.of("features", "--sample-dir", sampleDir.toString(), "--out", dir.resolve("f").toString());
        assertEquals(Cli.OK, second.exitCode(), second.err());
        assertTrue(second.err().contains("using the built-in sample " + sample), second.err());
        assertFalse(second.err().contains("written now"), "the sample is written only once: " + second.err());
        assertEquals(written, Files.getLastModifiedTime(sample).toMillis());
    }
}
