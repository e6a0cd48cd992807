package dev.recommender.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.recommender.core.EpochProgress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunRecordTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T06:00:00Z"), ZoneOffset.UTC);

    @Test
    void sha256OfAKnownText(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("abc.txt");
        Files.writeString(file, "abc", StandardCharsets.UTF_8);
        // FIPS 180-2 test vector for "abc"
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", RunRecord.sha256(file));
    }

    @Test
    void writesEverythingAsJson(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("events.csv");
        Files.writeString(data, "abc", StandardCharsets.UTF_8);
        RunRecord record = RunRecord.start("svd", CLOCK)
                .parameter("factors", 8)
                .dataFile(data, "seed")
                .dataFact("events", 3)
                .metric("svd.rmse", 0.25)
                .timing("svd.fit", 1.5)
                .model("svd", dir.resolve("model.bin"));
        record.epochListener().onEpoch(new EpochProgress("svd", 1, 2, 0.75, Duration.ofMillis(1500),
                Map.of("validationRmse", 0.5)));
        Path file = record.write(dir.resolve("runs"));
        assertEquals("20261128T060000.000Z-svd.json", file.getFileName().toString());
        JsonNode json = new ObjectMapper().readTree(file.toFile());
        assertEquals("svd", json.get("command").asText());
        assertEquals("2026-11-28T06:00:00Z", json.get("startedAt").asText());
        assertEquals(8, json.get("parameters").get("factors").asInt());
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                json.get("data").get("sha256").asText());
        assertEquals(3, json.get("data").get("bytes").asInt());
        assertEquals(3, json.get("data").get("events").asInt());
        assertEquals(1, json.get("epochs").size());
        assertEquals(0.75, json.get("epochs").get(0).get("loss").asDouble());
        assertEquals(1.5, json.get("epochs").get(0).get("elapsedSeconds").asDouble());
        assertEquals(0.5, json.get("epochs").get(0).get("validationRmse").asDouble());
        assertEquals(0.25, json.get("metrics").get("svd.rmse").asDouble());
        assertEquals(1.5, json.get("timingsSeconds").get("svd.fit").asDouble());
        assertEquals(dir.resolve("model.bin").toAbsolutePath().toString(), json.get("models").get("svd").asText());
    }

    @Test
    void neverOverwritesAnEarlierRecord(@TempDir Path dir) throws Exception {
        Path first = RunRecord.start("svd", CLOCK).write(dir);
        Path second = RunRecord.start("svd", CLOCK).write(dir);
        assertNotEquals(first, second);
        assertEquals("20261128T060000.000Z-svd-2.json", second.getFileName().toString());
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "no temporary files are left behind");
        }
    }

    @Test
    void rejectsAnEmptyCommand() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RunRecord.start(""));
        assertEquals("command must be non-empty, got ''", e.getMessage());
    }
}
