package dev.recommender.benchmarks;

import dev.recommender.core.Algorithm;
import dev.recommender.core.data.EventLog;
import dev.recommender.core.data.ExplicitRating;
import dev.recommender.core.data.Signals;
import dev.recommender.core.mf.Svd;
import dev.recommender.eval.EvaluationOptions;
import dev.recommender.eval.Evaluator;
import dev.recommender.eval.report.AlgorithmResult;
import dev.recommender.eval.report.EvaluationReport;
import dev.recommender.eval.split.KFold;
import dev.recommender.taste.TasteSgd;

import java.io.IOException;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Our {@code Svd} against Mahout Taste's {@code RatingSGDFactorizer} in one invocation, on
 * docs/protocols.md protocol A (MovieLens latest-small, 5 folds of {@code java.util.Random(42)}): the
 * same 50 factors and 30 epochs for both, then our defaults. Prints the evaluator's table (RMSE,
 * MAE, fit seconds per fold) and the fit-time ratio of each of our rows to Taste's.
 *
 * <p>Usage: {@code java --add-modules jdk.incubator.vector -cp benchmarks/target/recommender-benchmarks.jar
 * dev.recommender.benchmarks.SgdPeerBenchmark DATA_DIR}. Without the module our rows use the scalar kernel.
 */
public final class SgdPeerBenchmark {
    private static final PrintStream OUT = System.out;

    private SgdPeerBenchmark() {
    }

    /**
     * Runs the comparison and prints it.
     *
     * @param args the data directory holding {@code ml-latest-small/ratings.csv}
     * @throws IOException if the ratings cannot be read
     */
    public static void main(String[] args) throws IOException {
        EventLog ratings = BenchmarkSetup.readMovieLens(BenchmarkSetup.requiredDataDir(args));
        Svd.Config sameShape = Svd.Config.forRatings().toBuilder().factors(50).epochs(30).build();
        Map<String, Algorithm<?>> algorithms = new LinkedHashMap<>();
        algorithms.put("taste-sgd 50 factors, 30 iterations", TasteSgd.defaults());
        algorithms.put("svd 50 factors, 30 epochs, 1 thread", sameShape);
        algorithms.put("svd 50 factors, 30 epochs, 2 threads", sameShape.toBuilder().threads(2).build());
        algorithms.put("svd defaults (100 factors, 60 epochs), 2 threads",
                Svd.Config.forRatings().toBuilder().threads(2).build());
        Evaluator evaluator = Evaluator.builder(Signals.ratings())
                .options(EvaluationOptions.builder().rankingMetrics(false).clip(1, 5).build()).build();
        // one untimed warm-up of every algorithm on the first fold, so the JIT has compiled both sides
        evaluator.evaluate(KFold.protocolA(5, 42).split(ratings).subList(0, 1), "warm-up", algorithms);
        EvaluationReport report = evaluator.evaluate(ratings, KFold.protocolA(5, 42), algorithms);
        OUT.printf(Locale.ROOT, "java %s, %d processors, vector module %s%n%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), BenchmarkSetup.vectorModule());
        OUT.println(report.toMarkdown());
        double taste = report.algorithms().get(0).fitSeconds().mean();
        OUT.println("| ours | mean fit s per fold | Taste's fit time / ours |");
        OUT.println("|---|---:|---:|");
        for (AlgorithmResult row : report.algorithms().subList(1, report.algorithms().size())) {
            double ours = row.fitSeconds().mean();
            OUT.printf(Locale.ROOT, "| %s | %.3f | %.1fx |%n", row.algorithm(), ours, taste / ours);
        }
    }
}
