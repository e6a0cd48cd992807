package dev.recommender.benchmarks;

import dev.recommender.core.EpochProgress;
import dev.recommender.core.data.IdIndex;
import dev.recommender.core.data.Interactions;
import dev.recommender.core.mf.Svd;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * SGD throughput of {@link Svd} at 64 factors: rating updates per second (epochs x pairs / fit wall
 * time, including setup and per-epoch shuffles) on MovieLens latest-small and on a synthetic
 * planted low-rank set (5 million ratings by default), with 1 and 2 threads and the scalar and
 * vector kernels and both {@link Svd.Order}s, by wall time and by process CPU time (robust when other processes share the
 * cores); plus heap bytes per interaction of {@link Interactions} and of a fitted model.
 *
 * <p>Usage: {@code java --add-modules jdk.incubator.vector -Xmx3g -cp benchmarks/target/recommender-benchmarks.jar
 * dev.recommender.benchmarks.SvdThroughputBenchmark [dataDir] [syntheticRatings]}; {@code dataDir}
 * defaults to the {@code data.dir} system property (MovieLens is skipped when neither is given).
 * Without {@code --add-modules jdk.incubator.vector} the vector rows are reported as unavailable.
 */
public final class SvdThroughputBenchmark {
    private static final int FACTORS = 64;
    private static final PrintStream OUT = System.out;

    private SvdThroughputBenchmark() {
    }

    /**
     * Runs the benchmark and prints the tables.
     *
     * @param args optional data directory and synthetic rating count
     * @throws IOException if the MovieLens file cannot be read
     */
    public static void main(String[] args) throws IOException {
        String dataDir = BenchmarkSetup.dataDir(args);
        int syntheticRatings = args.length > 1 ? Integer.parseInt(args[1]) : 5_000_000;
        OUT.println(BenchmarkSetup.machine() + ", vector module " + BenchmarkSetup.vectorModule()
                + System.lineSeparator());

        List<String[]> rows = new ArrayList<>();
        if (!dataDir.isBlank()) {
            Interactions movieLens = readMovieLens(BenchmarkSetup.movieLensRatings(dataDir));
            measure("ml-latest-small", movieLens, 50, 3, rows);
        }
        long before = usedHeap();
        Interactions synthetic = synthetic(syntheticRatings, 42L);
        long interactionsBytes = usedHeap() - before;
        measure("synthetic " + (syntheticRatings / 1_000_000.0) + "M", synthetic, 5, 1, rows);

        OUT.println("| data | pairs | order | threads | kernel | epochs | fit s (wall) | M updates/s (wall) "
                + "| process CPU s | M updates per CPU s | train RMSE |");
        OUT.println("|---|---:|---|---:|---|---:|---:|---:|---:|---:|---:|");
        for (String[] row : rows) {
            OUT.println("| " + String.join(" | ", row) + " |");
        }

        before = usedHeap();
        Svd model = Svd.Config.builder().factors(FACTORS).epochs(1).build().fit(synthetic);
        long modelBytes = usedHeap() - before;
        OUT.println();
        OUT.println("| heap measure (synthetic, " + synthetic.size() + " pairs, "
                + synthetic.userCount() + " users, " + synthetic.itemCount() + " items) | bytes | bytes per pair |");
        OUT.println("|---|---:|---:|");
        OUT.printf(Locale.ROOT, "| Interactions (CSR + CSC + per-pair statistics + ids) | %d | %.1f |%n",
                interactionsBytes, (double) interactionsBytes / synthetic.size());
        OUT.printf(Locale.ROOT, "| fitted Svd, %d factors (parameters + seen items + ids) | %d | %.1f |%n",
                FACTORS, modelBytes, (double) modelBytes / synthetic.size());
        if (model.items().size() == 0) {
            OUT.println("(empty model)");
        }
    }

    private static void measure(String name, Interactions data, int epochs, int repeats, List<String[]> rows) {
        for (Svd.Order order : Svd.Order.values()) {
            for (Svd.Kernel kernel : new Svd.Kernel[] {Svd.Kernel.SCALAR, Svd.Kernel.VECTOR}) {
                for (int threads = 1; threads <= 2; threads++) {
                    Svd.Config config = Svd.Config.builder().factors(FACTORS).epochs(epochs).learningRate(0.005)
                            .regularization(0.05).threads(threads).kernel(kernel).order(order).seed(1).build();
                    String orderName = order == Svd.Order.SHUFFLED_USERS ? "users" : "pairs";
                    try {
                        config.toBuilder().epochs(1).build().fit(data); // warm-up (JIT)
                    } catch (IllegalStateException e) {
                        rows.add(new String[] {name, String.valueOf(data.size()), orderName, String.valueOf(threads),
                            kernel.name().toLowerCase(Locale.ROOT), "-", "-", "unavailable", "-", "-", "-"});
                        continue;
                    }
                    double best = Double.MAX_VALUE;
                    double bestCpu = Double.MAX_VALUE;
                    double[] lastLoss = new double[1];
                    for (int r = 0; r < repeats; r++) {
                        long cpuStart = processCpuNanos();
                        long start = System.nanoTime();
                        config.fit(data, (EpochProgress p) -> lastLoss[0] = p.loss());
                        best = Math.min(best, (System.nanoTime() - start) / 1e9);
                        bestCpu = Math.min(bestCpu, (processCpuNanos() - cpuStart) / 1e9);
                    }
                    double updates = (double) epochs * data.size();
                    double updatesPerSecond = updates / best;
                    rows.add(new String[] {name, String.valueOf(data.size()), orderName, String.valueOf(threads),
                        kernel.name().toLowerCase(Locale.ROOT), String.valueOf(epochs),
                        String.format(Locale.ROOT, "%.2f", best),
                        String.format(Locale.ROOT, "%.1f", updatesPerSecond / 1e6),
                        String.format(Locale.ROOT, "%.2f", bestCpu),
                        String.format(Locale.ROOT, "%.1f", updates / bestCpu / 1e6),
                        String.format(Locale.ROOT, "%.4f", Math.sqrt(lastLoss[0]))});
                }
            }
        }
    }

    /** Reads MovieLens {@code ratings.csv} (header, then userId,movieId,rating,timestamp). */
    private static Interactions readMovieLens(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        Interactions.Builder builder = Interactions.builder();
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.strip().split(",");
            builder.add(fields[0], fields[1], Float.parseFloat(fields[2]));
        }
        return builder.build();
    }

    /**
     * Planted rank-8 ratings: {@code n} ratings over {@code n / 50} users (50 distinct items each)
     * and {@code n / 250} items, value {@code 3 + p_u . q_i + noise}, clipped to [1, 5].
     */
    static Interactions synthetic(int n, long seed) {
        int perUser = 50;
        int users = Math.max(1, n / perUser);
        int items = Math.max(perUser, n / 250);
        int rank = 8;
        SplittableRandom random = new SplittableRandom(seed);
        float[] p = new float[users * rank];
        float[] q = new float[items * rank];
        for (int k = 0; k < p.length; k++) {
            p[k] = (float) (random.nextGaussian() * 0.5);
        }
        for (int k = 0; k < q.length; k++) {
            q[k] = (float) (random.nextGaussian() * 0.5);
        }
        int size = users * perUser;
        int[] userIndexes = new int[size];
        int[] itemIndexes = new int[size];
        float[] values = new float[size];
        int[] stamp = new int[items];
        int k = 0;
        for (int u = 0; u < users; u++) {
            int chosen = 0;
            while (chosen < perUser) {
                int i = random.nextInt(items);
                if (stamp[i] == u + 1) {
                    continue;
                }
                stamp[i] = u + 1;
                double value = 3 + random.nextGaussian() * 0.3;
                for (int f = 0; f < rank; f++) {
                    value += p[u * rank + f] * q[i * rank + f];
                }
                userIndexes[k] = u;
                itemIndexes[k] = i;
                values[k] = (float) Math.max(1, Math.min(5, value));
                k++;
                chosen++;
            }
        }
        int[] ones = new int[size];
        java.util.Arrays.fill(ones, 1);
        return Interactions.of(ids("u", users), ids("i", items), userIndexes, itemIndexes, values, ones,
                new int[size], new long[size]);
    }

    private static IdIndex ids(String prefix, int count) {
        IdIndex.Builder builder = IdIndex.builder();
        for (int k = 0; k < count; k++) {
            builder.add(prefix + k);
        }
        return builder.build();
    }

    /** CPU time of the whole process (all threads, including GC and JIT), or wall time if unsupported. */
    private static long processCpuNanos() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os && os.getProcessCpuTime() >= 0) {
            return os.getProcessCpuTime();
        }
        return System.nanoTime();
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        for (int k = 0; k < 3; k++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
