package dev.recommender.core.sample;

import dev.recommender.core.internal.TopK;
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
import java.util.SplittableRandom;

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
    void itemSimilarityBeatsPopularityOnHeldOutPairs() {
        // Exposure follows popularity x hidden affinity, so items co-shown with a user's items predict
        // the user's held-out items better than popularity alone. Hold out ~20% of each user's pairs.
        Interactions pairs = EngagementRate.seed().aggregate(defaults);
        int users = pairs.userCount();
        int items = pairs.itemCount();
        SplittableRandom random = new SplittableRandom(5);
        boolean[][] train = new boolean[users][items];
        boolean[][] test = new boolean[users][items];
        double[] popularity = new double[items];
        for (int u = 0; u < users; u++) {
            for (int entry = pairs.userStart(u); entry < pairs.userEnd(u); entry++) {
                int item = pairs.itemAt(entry);
                if (random.nextInt(5) == 0) {
                    test[u][item] = true;
                } else {
                    train[u][item] = true;
                    popularity[item]++;
                }
            }
        }
        // cosine similarity of items over binary training rows: co-occurrences / sqrt(n_i n_j)
        double[][] similarity = new double[items][items];
        int[] row = new int[items];
        for (int u = 0; u < users; u++) {
            int n = 0;
            for (int item = 0; item < items; item++) {
                if (train[u][item]) {
                    row[n++] = item;
                }
            }
            for (int a = 0; a < n; a++) {
                for (int b = 0; b < n; b++) {
                    if (a != b) {
                        similarity[row[a]][row[b]]++;
                    }
                }
            }
        }
        for (int i = 0; i < items; i++) {
            for (int j = 0; j < items; j++) {
                similarity[i][j] /= Math.sqrt(Math.max(1, popularity[i] * popularity[j]));
            }
        }
        double popularityHits = 0;
        double similarityHits = 0;
        double[] scores = new double[items];
        for (int u = 0; u < users; u++) {
            Arrays.fill(scores, 0);
            for (int j = 0; j < items; j++) {
                if (train[u][j]) {
                    for (int i = 0; i < items; i++) {
                        scores[i] += similarity[j][i];
                    }
                }
            }
            popularityHits += hitsInTop10(popularity, train[u], test[u]);
            similarityHits += hitsInTop10(scores, train[u], test[u]);
        }
        assertTrue(similarityHits > 1.5 * popularityHits,
                "held-out items in top 10: item similarity " + similarityHits + ", popularity " + popularityHits);
    }

    private static int hitsInTop10(double[] scores, boolean[] exclude, boolean[] relevant) {
        TopK top = new TopK(10);
        for (int item = 0; item < scores.length; item++) {
            if (!exclude[item]) {
                top.offer(item, (float) scores[item]);
            }
        }
        int[] best = new int[10];
        int count = top.drainDescending(best, new float[10]);
        int hits = 0;
        for (int k = 0; k < count; k++) {
            hits += relevant[best[k]] ? 1 : 0;
        }
        return hits;
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
