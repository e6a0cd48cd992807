package dev.recommender.benchmarks;

import dev.recommender.core.internal.TopK;
import dev.recommender.core.Recommender;
import dev.recommender.core.data.EventLog;
import dev.recommender.core.data.ExplicitRating;
import dev.recommender.core.data.ImplicitConfidence;
import dev.recommender.core.data.Interactions;
import dev.recommender.core.retrieval.ImplicitAls;
import dev.recommender.core.retrieval.IndexConfig;
import dev.recommender.core.retrieval.TopKIndex;
import dev.recommender.core.retrieval.TwoTowerRetrieval;
import dev.recommender.core.sample.SampleEvents;
import dev.recommender.core.data.BinarisedAggregation;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Retrieval performance: training time per epoch of {@link ImplicitAls} and {@link TwoTowerRetrieval} on
 * MovieLens latest-small (binarised), {@code recommend(user, 10)} latency (p50, p99) at the seed's catalog
 * size (583 items, the built-in sample log), and top-10 search latency and recall@10 against exact search
 * over a synthetic clustered catalog (1 million items by default) with the exact scan and the HNSW index.
 *
 * <p>Usage: {@code java -Xmx6g -cp benchmarks/target/recommender-benchmarks.jar
 * dev.recommender.benchmarks.RetrievalBenchmark [dataDir] [catalogSize] [dimensions]}; {@code dataDir} defaults
 * to the {@code data.dir} system property (MovieLens is skipped when neither is given). Latencies are
 * single-threaded wall times per call after a warm-up; on a shared machine they are upper bounds.
 */
public final class RetrievalBenchmark {
    private static final PrintStream OUT = System.out;

    private RetrievalBenchmark() {
    }

    /**
     * Runs the benchmark and prints the tables.
     *
     * @param args optional data directory, synthetic catalog size and dimension
     * @throws IOException if MovieLens cannot be read
     */
    public static void main(String[] args) throws IOException {
        String dataDir = BenchmarkSetup.dataDir(args);
        int catalog = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int dimensions = args.length > 2 ? Integer.parseInt(args[2]) : 32;
        OUT.println(BenchmarkSetup.machine() + System.lineSeparator());
        if (!dataDir.isBlank()) {
            trainingTimes(BenchmarkSetup.readMovieLens(dataDir));
        }
        sampleLatency();
        largeCatalog(catalog, dimensions);
    }

    private static void trainingTimes(EventLog events) {
        Interactions training = BinarisedAggregation.of(ExplicitRating.last()).aggregate(events);
        OUT.println("| model (MovieLens latest-small, binarised, all " + training.size() + " pairs) | threads "
                + "| epochs | fit s | s per epoch |");
        OUT.println("|---|---:|---:|---:|---:|");
        for (int threads : new int[] {1, 2}) {
            ImplicitAls.Config als = ImplicitAls.Config.defaults().toBuilder().threads(threads).build();
            ImplicitAls.fit(training, als.toBuilder().iterations(2).build()); // warm-up
            long start = System.nanoTime();
            ImplicitAls.fit(training, als);
            double seconds = (System.nanoTime() - start) / 1e9;
            OUT.printf(Locale.ROOT, "| implicit ALS defaults (%d factors, CG %d) | %d | %d | %.2f | %.3f |%n",
                    als.factors(), als.cgSteps(), threads, als.iterations(), seconds, seconds / als.iterations());
        }
        for (int threads : new int[] {1, 2}) {
            TwoTowerRetrieval.Config tower = TwoTowerRetrieval.Config.defaults().toBuilder().threads(threads)
                    .epochs(3).build();
            long start = System.nanoTime();
            TwoTowerRetrieval.fit(training, tower);
            double seconds = (System.nanoTime() - start) / 1e9;
            OUT.printf(Locale.ROOT, "| two-tower defaults (%d dims, batch %d) | %d | %d | %.2f | %.3f |%n",
                    tower.dimensions(), tower.batchSize(), threads, tower.epochs(), seconds, seconds / tower.epochs());
        }
        OUT.println();
    }

    private static void sampleLatency() {
        EventLog events = SampleEvents.defaults().generate();
        Interactions training = ImplicitConfidence.defaults().aggregate(events);
        OUT.println("| recommend(user, 10), seed-shaped sample (" + training.itemCount() + " items, "
                + training.userCount() + " users) | index | p50 us | p99 us | mean us |");
        OUT.println("|---|---|---:|---:|---:|");
        List<Recommender> models = List.of(
                ImplicitAls.fit(training, ImplicitAls.Config.builder().factors(64).regularization(5).alpha(2).threads(2)
                        .build()),
                TwoTowerRetrieval.fit(training, TwoTowerRetrieval.Config.defaults().toBuilder().epochs(2).threads(2)
                        .build()));
        for (Recommender model : models) {
            List<String> users = training.users().ids();
            for (int round = 0; round < 3; round++) {
                for (String user : users) {
                    model.recommend(user, 10);
                }
            }
            long[] nanos = new long[users.size() * 3];
            int k = 0;
            for (int round = 0; round < 3; round++) {
                for (String user : users) {
                    long start = System.nanoTime();
                    model.recommend(user, 10);
                    nanos[k++] = System.nanoTime() - start;
                }
            }
            OUT.printf(Locale.ROOT, "| %s | exact | %.1f | %.1f | %.1f |%n", model.name(), percentile(nanos, 0.5) / 1e3,
                    percentile(nanos, 0.99) / 1e3, Arrays.stream(nanos).average().orElse(0) / 1e3);
        }
        OUT.println();
    }

    private static void largeCatalog(int n, int d) {
        SplittableRandom random = new SplittableRandom(2026);
        int clusters = 1000;
        float[] centres = new float[clusters * d];
        for (int k = 0; k < centres.length; k++) {
            centres[k] = (float) random.nextGaussian();
        }
        float[] vectors = new float[n * d];
        for (int item = 0; item < n; item++) {
            int c = random.nextInt(clusters);
            double scale = 0.5 + random.nextDouble();
            for (int k = 0; k < d; k++) {
                vectors[item * d + k] = (float) (scale * (centres[c * d + k] + 0.5 * random.nextGaussian()));
            }
        }
        TopKIndex exact = TopKIndex.of(vectors, d, IndexConfig.exactOnly());
        IndexConfig hnswConfig = IndexConfig.defaults().withBuildThreads(2);
        long buildStart = System.nanoTime();
        TopKIndex hnsw = TopKIndex.of(vectors, d, hnswConfig);
        double buildSeconds = (System.nanoTime() - buildStart) / 1e9;
        int queries = 500;
        float[][] queryVectors = new float[queries][d];
        int[][] seen = new int[queries][50];
        for (int q = 0; q < queries; q++) {
            int anchor = random.nextInt(n);
            for (int k = 0; k < d; k++) {
                queryVectors[q][k] = vectors[anchor * d + k] + (float) (0.5 * random.nextGaussian());
            }
            for (int s = 0; s < 50; s++) {
                seen[q][s] = random.nextInt(n);
            }
            Arrays.sort(seen[q]);
        }
        long[] exactNanos = new long[queries];
        long[] hnswNanos = new long[queries];
        int found = 0;
        TopK top = new TopK(10);
        int[] ids = new int[10];
        for (int warm = 0; warm < 2; warm++) {
            for (int q = 0; q < Math.min(queries, 100); q++) {
                int[] excluded = seen[q];
                hnsw.search(queryVectors[q], item -> Arrays.binarySearch(excluded, item) >= 0, 50, top);
            }
        }
        for (int q = 0; q < queries; q++) {
            int[] excluded = seen[q];
            long start = System.nanoTime();
            exact.search(queryVectors[q], item -> Arrays.binarySearch(excluded, item) >= 0, 50, top);
            exactNanos[q] = System.nanoTime() - start;
            int m = top.drainDescending(ids, new float[10]);
            Set<Integer> truth = new HashSet<>();
            for (int r = 0; r < m; r++) {
                truth.add(ids[r]);
            }
            start = System.nanoTime();
            hnsw.search(queryVectors[q], item -> Arrays.binarySearch(excluded, item) >= 0, 50, top);
            hnswNanos[q] = System.nanoTime() - start;
            m = top.drainDescending(ids, new float[10]);
            for (int r = 0; r < m; r++) {
                if (truth.contains(ids[r])) {
                    found++;
                }
            }
        }
        OUT.printf(Locale.ROOT, "| top-10 search, %d synthetic clustered items, %d dims, 50 excluded | index | p50 us "
                + "| p99 us | recall@10 vs exact | build s |%n", n, d);
        OUT.println("|---|---|---:|---:|---:|---:|");
        OUT.printf(Locale.ROOT, "| exact blocked scan | exact | %.1f | %.1f | 1.0000 | 0 |%n",
                percentile(exactNanos, 0.5) / 1e3, percentile(exactNanos, 0.99) / 1e3);
        OUT.printf(Locale.ROOT, "| HNSW m %d, efConstruction %d, efSearch %d, 2 build threads | approximate | %.1f "
                        + "| %.1f | %.4f | %.1f |%n", hnswConfig.m(), hnswConfig.efConstruction(), hnswConfig.efSearch(),
                percentile(hnswNanos, 0.5) / 1e3, percentile(hnswNanos, 0.99) / 1e3, found / (queries * 10.0),
                buildSeconds);
    }

    private static double percentile(long[] values, double p) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
    }
}
