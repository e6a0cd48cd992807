package dev.recommender.benchmarks;

import dev.recommender.core.Algorithm;
import dev.recommender.core.Recommender;
import dev.recommender.core.TrainingData;
import dev.recommender.core.data.EventLog;
import dev.recommender.core.data.Interactions;
import dev.recommender.core.data.Signal;
import dev.recommender.core.data.Signals;
import dev.recommender.core.mf.Svd;
import dev.recommender.core.mf.SvdPlusPlus;
import dev.recommender.eval.ParameterGrid;
import dev.recommender.eval.Tuner;
import dev.recommender.eval.split.KFold;
import dev.recommender.eval.split.Split;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Chooses rating-model defaults without touching a test split: for each given fold of protocol A on MovieLens
 * latest-small it takes only the fold's <em>training</em> side, carves 20% of each user's pairs (users with at
 * least 5) for validation with {@link Tuner#carve} (seed 7, not the protocol's 42), fits each configuration on
 * the rest and prints its validation RMSE (predictions clipped to the training range, as {@code Tuner} scores)
 * and the fit time. The test sides of the folds are never read.
 *
 * <p>Usage: {@code java -cp benchmarks/target/recommender-benchmarks.jar
 * dev.recommender.benchmarks.ValidationGrid dataDir folds config...}, {@code folds} e.g. {@code 0,1}, each
 * config {@code svdpp:f=50,e=30,lr=0.007,reg=0.05,ireg=0.05,breg=0.02,decay=1,init=0.1} or
 * {@code svd:f=100,e=60,lr=0.01,reg=0.1,breg=0.02,init=0.1} (keys left out keep the model's defaults).
 */
public final class ValidationGrid {
    private ValidationGrid() {
    }

    /**
     * Runs the grid and prints one markdown row per configuration.
     *
     * @param args data directory, folds, configurations
     * @throws IOException if the ratings cannot be read
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            throw new IllegalArgumentException("usage: dataDir folds config...");
        }
        EventLog ratings = BenchmarkSetup.readMovieLens(args[0]);
        List<Split> splits = KFold.protocolA(5, 42).split(ratings);
        Tuner carver = new Tuner(ParameterGrid.builder().add("none", 0).build().points(), p -> null, "rmse", 0.2, 7);
        List<Tuner.Carve> carves = new ArrayList<>();
        StringBuilder header = new StringBuilder("| configuration |");
        for (String fold : args[1].split(",")) {
            Interactions training = TrainingData.of(splits.get(Integer.parseInt(fold)).train(), Signals.ratings())
                    .interactions(Signal.RATING);
            carves.add(carver.carve(training));
            header.append(" fold ").append(fold).append(" |");
        }
        System.out.println(BenchmarkSetup.machine() + ", vector module " + BenchmarkSetup.vectorModule());
        System.out.println(header + " mean | fit s |");
        System.out.println("|---|" + "---:|".repeat(carves.size() + 2));
        for (int a = 2; a < args.length; a++) {
            Algorithm<?> algorithm = parse(args[a]);
            StringBuilder row = new StringBuilder("| " + args[a] + " |");
            double sum = 0;
            double seconds = 0;
            for (Tuner.Carve carve : carves) {
                long start = System.nanoTime();
                Recommender model = algorithm.fit(TrainingData.of(carve.fit()));
                seconds += (System.nanoTime() - start) / 1e9;
                double rmse = carver.score(model, carve.validation());
                sum += rmse;
                row.append(String.format(Locale.ROOT, " %.4f |", rmse));
            }
            row.append(String.format(Locale.ROOT, " %.4f | %.2f |", sum / carves.size(), seconds / carves.size()));
            System.out.println(row);
        }
    }

    private static Algorithm<?> parse(String spec) {
        String[] parts = spec.split(":", 2);
        Map<String, String> values = new HashMap<>();
        if (parts.length > 1) {
            for (String pair : parts[1].split(",")) {
                String[] kv = pair.split("=", 2);
                values.put(kv[0], kv[1]);
            }
        }
        if (parts[0].equals("svdpp")) {
            SvdPlusPlus.Config c = SvdPlusPlus.Config.defaults();
            c = c.withFactors(Integer.parseInt(values.getOrDefault("f", "" + c.factors())))
                    .withEpochs(Integer.parseInt(values.getOrDefault("e", "" + c.epochs())))
                    .withLearningRate(Double.parseDouble(values.getOrDefault("lr", "" + c.learningRate())))
                    .withRegularization(Double.parseDouble(values.getOrDefault("reg", "" + c.regularization())))
                    .withImplicitRegularization(Double.parseDouble(values.getOrDefault("ireg",
                            "" + c.implicitRegularization())))
                    .withBiasRegularization(Double.parseDouble(values.getOrDefault("breg", "" + c.biasRegularization())))
                    .withLearningRateDecay(Double.parseDouble(values.getOrDefault("decay",
                            "" + c.learningRateDecay())))
                    .withInitStd(Double.parseDouble(values.getOrDefault("init", "" + c.initStd())));
            return c;
        }
        if (parts[0].equals("svd")) {
            Svd.Config c = Svd.Config.defaults();
            return c.toBuilder().threads(1)
                    .factors(Integer.parseInt(values.getOrDefault("f", "" + c.factors())))
                    .epochs(Integer.parseInt(values.getOrDefault("e", "" + c.epochs())))
                    .learningRate(Double.parseDouble(values.getOrDefault("lr", "" + c.learningRate())))
                    .factorRegularization(Double.parseDouble(values.getOrDefault("reg", "" + c.factorRegularization())))
                    .biasRegularization(Double.parseDouble(values.getOrDefault("breg", "" + c.biasRegularization())))
                    .initStd(Double.parseDouble(values.getOrDefault("init", "" + c.initStd())))
                    .build();
        }
        throw new IllegalArgumentException("unknown model in '" + spec + "'");
    }
}
