package dev.recommender.server;

import dev.recommender.core.io.ModelFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelHolderTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T06:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path directory;

    @Test
    void loadsTheModelWithItsHashGenerationAndTime() throws Exception {
        Fixtures.save(Fixtures.modelA(), directory);
        ModelHolder holder = ModelHolder.load(directory, CLOCK);
        ModelSnapshot snapshot = holder.current();
        assertEquals("table-a", snapshot.model().name());
        assertEquals(1, snapshot.generation());
        assertEquals(Instant.parse("2026-11-28T06:00:00Z"), snapshot.loadedAt());
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(directory.resolve("model.bin"))));
        assertEquals(sha, snapshot.sha256());
        assertEquals(sha.substring(0, 12) + "-1", snapshot.version());
        assertEquals(directory.resolve("model.bin"), holder.modelFile());
    }

    @Test
    void reloadSwapsInTheNewFileAndCountsGenerations() throws IOException {
        Fixtures.save(Fixtures.modelA(), directory);
        ModelHolder holder = ModelHolder.load(directory, CLOCK);
        ModelSnapshot first = holder.current();
        Fixtures.save(Fixtures.modelB(), directory);
        ModelSnapshot second = holder.reload();
        assertSame(second, holder.current());
        assertEquals("table-b", second.model().name());
        assertEquals(2, second.generation());
        assertTrue(!first.sha256().equals(second.sha256()));
        // the old snapshot is untouched and still answers as A: u1 -> c4 (0.7) first
        assertEquals("c4", first.model().recommend("u1", 1).itemIds().get(0));
        assertEquals("c2", second.model().recommend("u1", 1).itemIds().get(0));
        // reloading an unchanged file: same hash, next generation
        ModelSnapshot third = holder.reload();
        assertEquals(second.sha256(), third.sha256());
        assertEquals(3, third.generation());
    }

    @Test
    void failedReloadKeepsTheCurrentModel() throws IOException {
        Fixtures.save(Fixtures.modelA(), directory);
        ModelHolder holder = ModelHolder.load(directory, CLOCK);
        ModelSnapshot before = holder.current();
        Path file = directory.resolve("model.bin");
        byte[] good = Files.readAllBytes(file);
        // truncated file: the header promises more payload than there is
        Files.write(file, java.util.Arrays.copyOf(good, good.length / 2));
        ModelFormatException truncated = assertThrows(ModelFormatException.class, holder::reload);
        assertTrue(truncated.getMessage().startsWith(file.toString()), truncated.getMessage());
        assertSame(before, holder.current());

        Files.delete(file);
        IOException missing = assertThrows(IOException.class, holder::reload);
        assertEquals("model file " + file + " does not exist or is not a regular file", missing.getMessage());
        assertSame(before, holder.current());

        // a later good file loads, with the generation after the last success
        Fixtures.save(Fixtures.modelB(), directory);
        assertEquals(2, holder.reload().generation());
    }

    @Test
    void refusesAMissingDirectoryOrFile() {
        Path nowhere = directory.resolve("nowhere");
        IOException noDirectory = assertThrows(IOException.class, () -> ModelHolder.load(nowhere));
        assertEquals("model directory " + nowhere + " does not exist or is not a directory", noDirectory.getMessage());
        IOException noFile = assertThrows(IOException.class, () -> ModelHolder.load(directory));
        assertEquals("model file " + directory.resolve("model.bin") + " does not exist or is not a regular file",
                noFile.getMessage());
    }

    @Test
    void snapshotValidatesGeneration() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new ModelSnapshot(Fixtures.modelA(), "ab", 0, Instant.EPOCH));
        assertEquals("generation must be at least 1, got 0", error.getMessage());
    }
}
