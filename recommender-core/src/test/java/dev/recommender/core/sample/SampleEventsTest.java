package dev.recommender.core.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import dev.recommender.core.data.CsvSchema;
import dev.recommender.core.data.EngagementRate;
import dev.recommender.core.data.EventCsvReader;
import dev.recommender.core.data.EventLog;
import dev.recommender.core.data.Interactions;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleEventsTest {
    private static EventLog defaults;

    @BeforeAll
    static void generateDefaultsOnce() {
        defaults = SampleEvents.defaults().generate();
    }

    @Test
    void defaultSizesAndPeriod() {
        assertEquals(484_077, defaults.size());
        assertEquals(7_252, defaults.users().size());
        assertEquals(583, defaults.items().size());
        assertEquals(List.of("viewed", "engaged"), defaults.eventTypes().ids());
        long start = SampleEvents.Config.SEED_START.toEpochMilli();
        assertTrue(defaults.minTimeMillis() >= start);
        assertTrue(defaults.maxTimeMillis() < start + Duration.ofDays(55).toMillis());
        for (int event = 1; event < defaults.size(); event++) {
            assertTrue(defaults.timeMillis(event - 1) <= defaults.timeMillis(event), "events are in time order");
        }
        assertTrue(defaults.userId(0).matches("[0-9a-f]{10}"), defaults.userId(0));
        assertTrue(defaults.itemId(0).matches("[0-9a-f]{10}"), defaults.itemId(0));
    }

    @Test
    void shapeOfTheSeedLog() {
        int[] perUser = new int[defaults.users().size()];
        int[] perItem = new int[defaults.items().size()];
        int engaged = 0;
        for (int event = 0; event < defaults.size(); event++) {
            perUser[defaults.userIndex(event)]++;
            perItem[defaults.itemIndex(event)]++;
            engaged += defaults.eventType(event);
        }
        Arrays.sort(perUser);
        Arrays.sort(perItem);
        // seed: users 5 to 851 events, items 122 to 4,217, 39.7% engaged
        assertTrue(perUser[0] >= 5 && perUser[0] <= 10, "least active user " + perUser[0]);
        assertTrue(perUser[perUser.length - 1] >= 500 && perUser[perUser.length - 1] <= 1300,
                "most active user " + perUser[perUser.length - 1]);
        assertTrue(perItem[0] >= 60 && perItem[0] <= 250, "least shown item " + perItem[0]);
        assertTrue(perItem[perItem.length - 1] >= 2500 && perItem[perItem.length - 1] <= 6500,
                "most shown item " + perItem[perItem.length - 1]);
        double engagedShare = (double) engaged / defaults.size();
        assertEquals(0.40, engagedShare, 0.02);

        // seed: 197,562 distinct pairs, 2.45 events per pair
        Interactions pairs = EngagementRate.seed().aggregate(defaults);
        assertEquals(197_562, pairs.size(), 197_562 * 0.05);
    }

    @Test
    void exposureAndEngagementShareTheHiddenAffinity() {
        // Liked items are shown again more often AND engaged more: pairs shown 4+ times must have a
        // clearly higher engagement rate than pairs shown once. Without shared structure both are 0.40.
        Interactions pairs = EngagementRate.seed().aggregate(defaults);
        double[] sum = new double[2];
        int[] count = new int[2];
        for (int entry = 0; entry < pairs.size(); entry++) {
            int shown = pairs.eventCount(entry);
            int group = shown == 1 ? 0 : shown >= 4 ? 1 : -1;
            if (group >= 0) {
                sum[group] += pairs.value(entry);
                count[group]++;
            }
        }
        double once = sum[0] / count[0];
        double often = sum[1] / count[1];
        assertTrue(often > once + 0.08, "engaged rate shown once " + once + ", shown 4+ times " + often);
    }

    @Test
    void sameSeedSameBytesOtherSeedOtherBytes(@TempDir Path directory) throws Exception {
        Path first = directory.resolve("a.csv");
        Path second = directory.resolve("b.csv");
        Path third = directory.resolve("c.csv");
        SampleEvents.of(SampleEvents.Config.small()).writeCsv(first);
        SampleEvents.of(SampleEvents.Config.small()).writeCsv(second);
        SampleEvents.of(SampleEvents.Config.small().withSeed(43)).writeCsv(third);
        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));
        assertFalse(Arrays.equals(Files.readAllBytes(first), Files.readAllBytes(third)));
        assertEquals(SampleEvents.HEADER, Files.readAllLines(first).get(0));
        try (var files = Files.list(directory)) {
            assertEquals(3, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void writtenCsvReadsBackAsTheGeneratedLog(@TempDir Path directory) throws Exception {
        SampleEvents sample = SampleEvents.of(SampleEvents.Config.small());
        Path file = directory.resolve("sub/sample.csv");
        sample.writeCsv(file);
        EventLog generated = sample.generate();
        EventLog read = EventCsvReader.readEvents(file, CsvSchema.seed());
        assertEquals(20_000, read.size());
        assertEquals(generated.users(), read.users());
        assertEquals(generated.items(), read.items());
        assertEquals(generated.eventTypes(), read.eventTypes());
        for (int event = 0; event < read.size(); event++) {
            assertEquals(generated.userIndex(event), read.userIndex(event));
            assertEquals(generated.itemIndex(event), read.itemIndex(event));
            assertEquals(generated.timeMillis(event), read.timeMillis(event));
            assertEquals(generated.eventType(event), read.eventType(event));
        }
    }

    @Test
    void ensureSampleWritesOnlyWhenMissing(@TempDir Path directory) throws Exception {
        Path existing = directory.resolve("existing.csv");
        Files.writeString(existing, "mine");
        assertSame(existing, SampleEvents.ensureSample(existing));
        assertEquals("mine", Files.readString(existing));
    }

    @Test
    void configValidationNamesTheArgument() {
        SampleEvents.Config defaults = SampleEvents.Config.defaults();
        assertEquals(new SampleEvents.Config(7_252, 583, 484_077, 55, 42L, SampleEvents.Config.SEED_START), defaults);
        assertEquals("users must be at least 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> defaults.withSize(0, 10, 100)).getMessage());
        assertEquals("items must be at least 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> defaults.withSize(10, 0, 100)).getMessage());
        assertEquals("events must be between 5 per user (50) and 268435455, got 49",
                assertThrows(IllegalArgumentException.class, () -> defaults.withSize(10, 10, 49)).getMessage());
        assertEquals("days must be between 1 and 365, got 0", assertThrows(IllegalArgumentException.class,
                () -> new SampleEvents.Config(10, 10, 100, 0, 1L, SampleEvents.Config.SEED_START)).getMessage());
    }

    @Test
    void tinyConfigurationsWork() {
        // one item: every event repeats it
        EventLog log = SampleEvents.of(SampleEvents.Config.small().withSize(3, 1, 15)).generate();
        assertEquals(15, log.size());
        assertEquals(1, log.items().size());
        assertEquals(3, log.users().size());
    }
}
