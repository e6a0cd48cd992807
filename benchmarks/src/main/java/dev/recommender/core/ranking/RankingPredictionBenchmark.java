package dev.recommender.core.ranking;

import dev.recommender.core.TrainingListener;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import smile.data.Tuple;
import smile.data.type.StructType;
import smile.regression.GradientTreeBoost;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Ranking-model prediction per candidate: the flat {@link TreeEnsemble} arrays (one row at a time,
 * and the whole candidate matrix at once) against Smile's own {@code GradientTreeBoost.predict} on a
 * tuple, which is how {@link RankingModel} predicted before. One invocation scores the sample's 583
 * items as candidates of one request; scores are nanoseconds per candidate.
 *
 * <p>The model is the default {@link RankingConfig} (200 trees, depth 6, 16 leaves) fitted on
 * 20,000 rows of the {@link RankingFeature} columns with a planted label. It lives in this package
 * to reach {@link RankingModel#fitWithSmile}, which keeps the Smile model for the comparison.
 *
 * <p>{@link #main} is a companion for a loaded machine, where JMH's wall times of the three
 * variants (each in its own fork, minutes apart) move with the load: it runs them in alternating
 * rounds in one JVM and reports the median thread CPU time per candidate of each.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-Dorg.slf4j.simpleLogger.log.smile=warn"})
public class RankingPredictionBenchmark {
    static final int CANDIDATES = 583;
    static final int P = RankingFeature.count();

    private RankingModel model;
    private GradientTreeBoost smile;
    private StructType schema;
    private double[][] rows;
    private double[] matrix;
    private double[] out;

    static double[][] candidates(int n, SplittableRandom random) {
        double[][] x = new double[n][P];
        for (double[] row : x) {
            for (int c = 0; c < P; c++) {
                // half the columns continuous, half small integers (counts, days), as the real features are
                row[c] = c % 2 == 0 ? random.nextDouble() : random.nextInt(1 + 10 * c);
            }
        }
        return x;
    }

    /** Fits the model and fills the candidate matrix. */
    @Setup(Level.Trial)
    public void fit() {
        SplittableRandom random = new SplittableRandom(11);
        double[][] x = candidates(20_000, random);
        double[] y = new double[x.length];
        for (int r = 0; r < x.length; r++) {
            y[r] = (x[r][0] > 0.5 ? 0.3 : 0) + 0.02 * x[r][1] + (x[r][4] < 0.2 ? 0.2 : 0) + 0.1 * random.nextDouble();
        }
        RankingModel.Fitted fitted = RankingModel.fitWithSmile(x, y, RankingFeature.columnNames(),
                RankingConfig.defaults(), TrainingListener.NONE, "benchmark");
        model = fitted.model();
        smile = fitted.smile();
        schema = smile.schema();
        rows = candidates(CANDIDATES, random);
        matrix = new double[CANDIDATES * P];
        for (int r = 0; r < CANDIDATES; r++) {
            System.arraycopy(rows[r], 0, matrix, r * P, P);
        }
        out = new double[CANDIDATES];
        System.out.printf("ranking model: %d trees, %d nodes%n", model.treeCount(), model.trees().nodeCount());
    }

    /** The whole candidate matrix in one call (trees walked row by row, no allocation). */
    @Benchmark
    @OperationsPerInvocation(CANDIDATES)
    public void flatMatrix(Blackhole sink) {
        model.predict(matrix, CANDIDATES, out);
        sink.consume(out);
    }

    /** One {@code predict(double[])} call per candidate. */
    @Benchmark
    @OperationsPerInvocation(CANDIDATES)
    public double flatPerRow() {
        double sum = 0;
        for (double[] row : rows) {
            sum += model.predict(row);
        }
        return sum;
    }

    /** Smile's prediction on a tuple per candidate (the previous implementation). */
    @Benchmark
    @OperationsPerInvocation(CANDIDATES)
    public double smileTuple() {
        double sum = 0;
        for (double[] row : rows) {
            sum += smile.predict(Tuple.of(row, schema));
        }
        return sum;
    }

    /**
     * Alternating rounds of the three variants in one JVM; prints the median CPU nanoseconds per candidate.
     *
     * @param args optional round count (default 41)
     */
    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 41;
        RankingPredictionBenchmark b = new RankingPredictionBenchmark();
        b.fit();
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        String[] names = {"flatMatrix", "flatPerRow", "smileTuple"};
        double[][] perCandidate = new double[names.length][rounds];
        double sink = 0;
        int repeats = 200;
        for (int round = -10; round < rounds; round++) {
            for (int v = 0; v < names.length; v++) {
                long start = cpu.getCurrentThreadCpuTime();
                for (int k = 0; k < repeats; k++) {
                    if (v == 0) {
                        b.model.predict(b.matrix, CANDIDATES, b.out);
                        sink += b.out[k % CANDIDATES];
                    } else {
                        sink += v == 1 ? b.flatPerRow() : b.smileTuple();
                    }
                }
                if (round >= 0) {
                    perCandidate[v][round] = (cpu.getCurrentThreadCpuTime() - start) / (double) (repeats * CANDIDATES);
                }
            }
        }
        System.out.printf(Locale.ROOT, "| variant | CPU ns per candidate (median of %d alternating rounds) |%n", rounds);
        System.out.println("|---|---:|");
        for (int v = 0; v < names.length; v++) {
            java.util.Arrays.sort(perCandidate[v]);
            System.out.printf(Locale.ROOT, "| %s | %.1f |%n", names[v], perCandidate[v][rounds / 2]);
        }
        System.out.println("(checksum " + sink + ")");
    }
}
