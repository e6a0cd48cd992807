package dev.recommender.benchmarks;

import dev.recommender.core.Algorithm;
import dev.recommender.core.baseline.Baseline;
import dev.recommender.core.baseline.Popularity;
import dev.recommender.core.data.EventLog;
import dev.recommender.core.data.ExplicitRating;
import dev.recommender.core.data.Signals;
import dev.recommender.core.mf.Svd;
import dev.recommender.core.retrieval.ImplicitAls;
import dev.recommender.eval.EvaluationOptions;
import dev.recommender.eval.Evaluator;
import dev.recommender.eval.report.EvaluationReport;
import dev.recommender.eval.split.KFold;
import dev.recommender.eval.split.PerUserHoldout;

import java.io.IOException;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The two peer protocols of docs/protocols.md on MovieLens latest-small, run by the
 * {@code recommender-eval} Evaluator: protocol A (5-fold rating prediction, java.util.Random(42)
 * folds, predictions clipped to [1, 5], unknown pairs predicted as the training mean) and protocol
 * B (per-user 20% holdout, binarised training, top-10 over the whole unseen catalog). Prints one
 * markdown table per protocol, comparable line by line with the peer table in docs/protocols.md.
 *
 * <p>Usage: {@code java -cp benchmarks/target/recommender-benchmarks.jar
 * dev.recommender.benchmarks.ProtocolBenchmark [dataDir]}; {@code dataDir} defaults to the
 * {@code data.dir} system property and must hold {@code ml-latest-small/ratings.csv}.
 */
public final class ProtocolBenchmark {
    private static final PrintStream OUT = System.out;

    private ProtocolBenchmark() {
    }

    /**
     * Runs both protocols and prints the tables.
     *
     * @param args optional data directory
     * @throws IOException if the ratings cannot be read
     */
    public static void main(String[] args) throws IOException {
        EventLog ratings = BenchmarkSetup.readMovieLens(BenchmarkSetup.requiredDataDir(args));
        OUT.printf(Locale.ROOT, "MovieLens latest-small: %d ratings; java %s, %d processors%n%n", ratings.size(),
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());

        Map<String, Algorithm<?>> rating = new LinkedHashMap<>();
        rating.put("baseline 10/25, 1 pass (peer config)", new Baseline.Config(10, 25, 1));
        rating.put("baseline defaults", Baseline.Config.defaults());
        rating.put("svd defaults", Svd.Config.defaults());
        Evaluator protocolA = Evaluator.builder(Signals.ratings())
                .options(EvaluationOptions.builder().rankingMetrics(false).clip(1, 5).build()).build();
        EvaluationReport a = protocolA.evaluate(ratings, KFold.protocolA(5, 42), rating);
        OUT.println(a.toMarkdown());

        Map<String, Algorithm<?>> ranking = new LinkedHashMap<>();
        ranking.put("popularity", Popularity.Config.defaults());
        ranking.put("implicit ALS defaults", ImplicitAls.Config.defaults());
        Evaluator protocolB = Evaluator.builder(Signals.ratings())
                .options(EvaluationOptions.builder().ratingMetrics(false).cutoffs(10).build()).build();
        EvaluationReport b = protocolB.evaluate(ratings, PerUserHoldout.protocolB(0.2, 5, 42), ranking);
        OUT.println(b.toMarkdown());
    }
}
