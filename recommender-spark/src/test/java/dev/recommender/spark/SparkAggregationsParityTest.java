package dev.recommender.spark;

import dev.recommender.core.data.Aggregation;
import dev.recommender.core.data.CsvSchema;
import dev.recommender.core.data.EngagementRate;
import dev.recommender.core.data.EventCsvReader;
import dev.recommender.core.data.EventLog;
import dev.recommender.core.data.ExplicitRating;
import dev.recommender.core.data.ImplicitConfidence;
import dev.recommender.core.data.Interactions;
import dev.recommender.core.sample.SampleEvents;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every pair's aggregated value, counts and last time are equal between core and Spark (1e-12 on the float core
 * stores), for the three aggregations and the CSV presets, on the built-in sample (small configuration) and on a
 * generated rating log with repeated pairs, equal-time ties and fractional / exponent-notation times.
 */
class SparkAggregationsParityTest {
    @TempDir
    static Path dir;
    private static SparkSession spark;
    private static Path sampleCsv;
    private static EventLog sampleLog;
    private static Dataset<Row> sampleEvents;
    private static Path ratingsCsv;
    private static Path ratingsTsv;

    @BeforeAll
    static void start() throws IOException {
        spark = LocalSpark.start();
        sampleCsv = dir.resolve("sample.csv");
        SampleEvents.of(SampleEvents.Config.small()).writeCsv(sampleCsv);
        sampleLog = EventCsvReader.readEvents(sampleCsv, CsvSchema.seed());
        sampleEvents = SparkEvents.csv(spark, sampleCsv.toString(), CsvSchema.seed()).cache();
        writeRatings();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    /** 3,000 ratings of 40 users x 30 items: many repeated pairs, few distinct times (ties), odd time notations. */
    private static void writeRatings() throws IOException {
        Random random = new Random(11);
        List<String> csv = new ArrayList<>(List.of("userId,movieId,rating,timestamp"));
        List<String> tsv = new ArrayList<>();
        String[] times = {"978300760", "978300760.4", "978300760.5", "9.7830076e8", "978300761", "1.0e9", "978300759"};
        for (int row = 0; row < 3000; row++) {
            int user = 1 + random.nextInt(40);
            int item = 1 + random.nextInt(30);
            String rating = String.valueOf(0.5 * (1 + random.nextInt(10)));
            String time = times[random.nextInt(times.length)];
            csv.add(user + "," + item + "," + rating + "," + time);
            tsv.add(user + "\t" + item + "\t" + rating + "\t" + time);
        }
        ratingsCsv = Files.write(dir.resolve("ratings.csv"), csv);
        ratingsTsv = Files.write(dir.resolve("u.data"), tsv);
    }

    @Test
    void engagementRateMatchesCore() {
        assertParity(sampleLog, sampleEvents, EngagementRate.seed());
        assertParity(sampleLog, sampleEvents, EngagementRate.seed().withEngagedPairsOnly(true));
    }

    @Test
    void implicitConfidenceMatchesCore() {
        assertParity(sampleLog, sampleEvents, ImplicitConfidence.defaults());
        // fractional weights and decay: the sums depend on order and on Math.exp, the hard cases
        assertParity(sampleLog, sampleEvents, ImplicitConfidence.builder().weight("viewed", 0.3)
                .weight("engaged", 2.7).halfLife(Duration.ofDays(5)).build());
        assertParity(sampleLog, sampleEvents, ImplicitConfidence.builder().weight("viewed", 0).engagedTypes()
                .halfLife(Duration.ofHours(30)).referenceTime(Instant.parse("2022-01-01T00:00:00Z")).build());
    }

    @Test
    void explicitRatingMatchesCoreForEveryPreset() throws IOException {
        EventLog csvLog = EventCsvReader.readEvents(ratingsCsv, CsvSchema.movieLens());
        Dataset<Row> csvEvents = SparkEvents.csv(spark, ratingsCsv.toString(), CsvSchema.movieLens());
        assertParity(csvLog, csvEvents, ExplicitRating.last());
        assertParity(csvLog, csvEvents, ExplicitRating.mean());
        EventLog tsvLog = EventCsvReader.readEvents(ratingsTsv, CsvSchema.ml100k());
        Dataset<Row> tsvEvents = SparkEvents.csv(spark, ratingsTsv.toString(), CsvSchema.ml100k());
        assertParity(tsvLog, tsvEvents, ExplicitRating.last());
        assertParity(tsvLog, tsvEvents, ExplicitRating.mean().onlyEventTypes("rating"));
    }

    @Test
    void parquetAndTablesReadLikeCsv() {
        String parquet = dir.resolve("sample.parquet").toString();
        sampleEvents.select(SparkEvents.USER, SparkEvents.ITEM, SparkEvents.TIME, SparkEvents.TYPE)
                .withColumnRenamed(SparkEvents.USER, "user_id").withColumnRenamed(SparkEvents.ITEM, "content_id")
                .withColumnRenamed(SparkEvents.TIME, "event_timestamp").withColumnRenamed(SparkEvents.TYPE, "event_type")
                .write().parquet(parquet);
        CsvSchema millis = CsvSchema.seed().toBuilder().timeUnit(CsvSchema.TimeUnit.MILLISECONDS).build();
        assertParity(sampleLog, SparkEvents.parquet(spark, parquet, millis), EngagementRate.seed());
        spark.read().parquet(parquet).createOrReplaceTempView("events");
        assertParity(sampleLog, SparkEvents.table(spark, "events", millis), ImplicitConfidence.defaults());
    }

    @Test
    void badRowsNameTheFileAndTheField() throws IOException {
        Path badType = Files.write(dir.resolve("bad-type.csv"), List.of(SampleEvents.HEADER,
                "u1,c1,1.642347e+09,viewed", "u1,c2,1.642347e+09,clicked"));
        IllegalArgumentException type = assertThrows(IllegalArgumentException.class,
                () -> SparkEvents.csv(spark, badType.toString(), CsvSchema.seed()));
        assertTrue(type.getMessage().contains("bad-type.csv") && type.getMessage().contains("eventType")
                && type.getMessage().contains("clicked"), type.getMessage());
        Path badValue = Files.write(dir.resolve("bad-value.csv"), List.of("userId,movieId,rating,timestamp",
                "1,2,4.0,964982703", "1,3,four,964982703"));
        IllegalArgumentException value = assertThrows(IllegalArgumentException.class,
                () -> SparkEvents.csv(spark, badValue.toString(), CsvSchema.movieLens()));
        assertTrue(value.getMessage().contains("bad-value.csv") && value.getMessage().contains("value")
                && value.getMessage().contains("four"), value.getMessage());
        IllegalArgumentException column = assertThrows(IllegalArgumentException.class,
                () -> SparkEvents.csv(spark, badValue.toString(), CsvSchema.seed()));
        assertTrue(column.getMessage().contains("'user_id' not found"), column.getMessage());
    }

    private static void assertParity(EventLog log, Dataset<Row> events, Aggregation aggregation) {
        Interactions core = aggregation.aggregate(log);
        List<Row> rows = SparkAggregations.aggregate(events, aggregation).collectAsList();
        assertEquals(core.size(), rows.size(), () -> "pairs of " + aggregation);
        for (Row row : rows) {
            String pair = "(" + row.getString(0) + ", " + row.getString(1) + ") of " + aggregation;
            int user = core.users().indexOf(row.getString(0));
            int entry = core.entryOf(user, core.items().indexOf(row.getString(1)));
            assertTrue(entry >= 0, () -> "core has no pair " + pair);
            assertEquals(core.value(entry), row.getFloat(2), 1e-12, () -> "value of " + pair);
            assertEquals(core.eventCount(entry), row.getInt(3), () -> "event count of " + pair);
            assertEquals(core.engagedCount(entry), row.getInt(4), () -> "engaged count of " + pair);
            assertEquals(core.lastTimeMillis(entry), row.getLong(5), () -> "last time of " + pair);
        }
    }
}
