package dev.recommender.benchmarks;

import dev.recommender.core.data.Aggregation;
import dev.recommender.core.data.CsvSchema;
import dev.recommender.core.data.EngagementRate;
import dev.recommender.core.data.EventCsvReader;
import dev.recommender.core.data.EventLog;
import dev.recommender.core.data.ExplicitRating;
import dev.recommender.core.data.ImplicitConfidence;
import dev.recommender.core.data.Interactions;
import dev.recommender.core.sample.SampleEvents;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * CSV import and aggregation throughput: rows per second of {@link EventCsvReader} on the seed
 * format (the default {@link SampleEvents} log and one {@code scale} times larger) and on
 * MovieLens latest-small, milliseconds per aggregation, sample generation time, and heap bytes per
 * event of {@link EventLog} and per entry of {@link Interactions}.
 *
 * <p>Each timing is the best of {@code repeats} runs after one warm-up run, reading from the page
 * cache (the file is read once before timing); both wall time and the calling thread's CPU time are
 * reported (reading and aggregating are single-threaded, so CPU time is the steadier figure on a
 * loaded machine; it excludes GC threads). Usage:
 * {@code java -Xmx3g -cp benchmarks/target/recommender-benchmarks.jar
 * dev.recommender.benchmarks.CsvImportBenchmark [dataDir] [scale] [repeats]}; {@code dataDir}
 * defaults to the {@code data.dir} system property (MovieLens is skipped without it), {@code scale}
 * to 5, {@code repeats} to 5. Sample files are written to a temporary directory and deleted.
 */
public final class CsvImportBenchmark {
    private static final PrintStream OUT = System.out;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private CsvImportBenchmark() {
    }

    /**
     * Runs the benchmark and prints the tables.
     *
     * @param args optional data directory, scale of the large sample and number of timed repeats
     * @throws IOException if a file cannot be written or read
     */
    public static void main(String[] args) throws IOException {
        String dataDir = BenchmarkSetup.dataDir(args);
        int scale = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        OUT.println(BenchmarkSetup.machine() + System.lineSeparator());

        Path directory = Files.createTempDirectory("csv-import-benchmark");
        List<String[]> readRows = new ArrayList<>();
        List<String[]> aggregationRows = new ArrayList<>();
        List<String[]> heapRows = new ArrayList<>();
        try {
            SampleEvents.Config base = SampleEvents.Config.defaults();
            SampleEvents.Config large = base.withSize(base.users() * scale, base.items() * scale, base.events() * scale);
            for (SampleEvents.Config config : List.of(base, large)) {
                String name = "seed-shaped sample, " + config.events() + " events";
                Path file = directory.resolve("sample-" + config.events() + ".csv");
                long start = System.nanoTime();
                SampleEvents.of(config).writeCsv(file);
                double generateSeconds = seconds(System.nanoTime() - start);
                OUT.printf(Locale.ROOT, "%s: generated and written in %.2f s (%d MB)%n", name, generateSeconds,
                        Files.size(file) >> 20);
                EventLog events = measureRead(name, file, CsvSchema.seed(), repeats, readRows);
                measureHeap(name, file, CsvSchema.seed(), EngagementRate.seed(), heapRows);
                measureAggregation(name, events, "EngagementRate.seed()", EngagementRate.seed(), repeats,
                        aggregationRows);
                measureAggregation(name, events, "ImplicitConfidence, half-life 7 d",
                        ImplicitConfidence.builder().halfLife(Duration.ofDays(7)).build(), repeats, aggregationRows);
                Files.delete(file);
            }
            if (!dataDir.isBlank()) {
                Path file = BenchmarkSetup.movieLensRatings(dataDir);
                EventLog events = measureRead("ml-latest-small ratings.csv", file, CsvSchema.movieLens(), repeats,
                        readRows);
                measureHeap("ml-latest-small ratings.csv", file, CsvSchema.movieLens(), ExplicitRating.last(), heapRows);
                measureAggregation("ml-latest-small ratings.csv", events, "ExplicitRating.last()",
                        ExplicitRating.last(), repeats, aggregationRows);
            }
        } finally {
            Files.deleteIfExists(directory);
        }

        OUT.println();
        OUT.println("| input | rows | MB | best read s | M rows/s | M rows per CPU s | MB/s |");
        OUT.println("|---|---:|---:|---:|---:|---:|---:|");
        readRows.forEach(row -> OUT.println("| " + String.join(" | ", row) + " |"));
        OUT.println();
        OUT.println("| input | aggregation | pairs | best ms | best CPU ms | M events/s |");
        OUT.println("|---|---|---:|---:|---:|---:|");
        aggregationRows.forEach(row -> OUT.println("| " + String.join(" | ", row) + " |"));
        OUT.println();
        OUT.println("| input | EventLog bytes/event | Interactions bytes/entry |");
        OUT.println("|---|---:|---:|");
        heapRows.forEach(row -> OUT.println("| " + String.join(" | ", row) + " |"));
    }

    private static EventLog measureRead(String name, Path file, CsvSchema schema, int repeats, List<String[]> rows)
            throws IOException {
        EventCsvReader reader = EventCsvReader.strict(schema);
        EventLog events = reader.read(file).events();
        long best = Long.MAX_VALUE;
        long bestCpu = Long.MAX_VALUE;
        for (int run = 0; run < repeats; run++) {
            long start = System.nanoTime();
            long startCpu = THREADS.getCurrentThreadCpuTime();
            events = reader.read(file).events();
            bestCpu = Math.min(bestCpu, THREADS.getCurrentThreadCpuTime() - startCpu);
            best = Math.min(best, System.nanoTime() - start);
        }
        double megabytes = Files.size(file) / 1e6;
        rows.add(new String[] {name, String.valueOf(events.size()), format("%.1f", megabytes),
            format("%.3f", seconds(best)), format("%.2f", events.size() / seconds(best) / 1e6),
            format("%.2f", events.size() / seconds(bestCpu) / 1e6), format("%.0f", megabytes / seconds(best))});
        return events;
    }

    private static void measureAggregation(String name, EventLog events, String label, Aggregation aggregation,
                                           int repeats, List<String[]> rows) {
        Interactions interactions = aggregation.aggregate(events);
        long best = Long.MAX_VALUE;
        long bestCpu = Long.MAX_VALUE;
        for (int run = 0; run < repeats; run++) {
            long start = System.nanoTime();
            long startCpu = THREADS.getCurrentThreadCpuTime();
            interactions = aggregation.aggregate(events);
            bestCpu = Math.min(bestCpu, THREADS.getCurrentThreadCpuTime() - startCpu);
            best = Math.min(best, System.nanoTime() - start);
        }
        rows.add(new String[] {name, label, String.valueOf(interactions.size()), format("%.1f", best / 1e6),
            format("%.1f", bestCpu / 1e6), format("%.2f", events.size() / seconds(best) / 1e6)});
    }

    private static void measureHeap(String name, Path file, CsvSchema schema, Aggregation aggregation,
                                    List<String[]> rows) throws IOException {
        long before = usedHeap();
        EventLog events = EventCsvReader.readEvents(file, schema);
        long afterEvents = usedHeap();
        Interactions interactions = aggregation.aggregate(events);
        long afterInteractions = usedHeap();
        rows.add(new String[] {name, format("%.1f", (double) (afterEvents - before) / events.size()),
            format("%.1f", (double) (afterInteractions - afterEvents) / interactions.size())});
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static String format(String pattern, double value) {
        return String.format(Locale.ROOT, pattern, value);
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        for (int k = 0; k < 3; k++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
