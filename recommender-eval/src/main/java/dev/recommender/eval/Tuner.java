package dev.recommender.eval;

import dev.recommender.core.Algorithm;
import dev.recommender.core.ItemScorer;
import dev.recommender.core.Recommender;
import dev.recommender.core.TrainingData;
import dev.recommender.core.TrainingInput;
import dev.recommender.core.TrainingListener;
import dev.recommender.core.data.IdIndex;
import dev.recommender.core.data.Interactions;
import dev.recommender.core.internal.Shuffle;
import dev.recommender.eval.metric.RankingMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Hyper-parameter tuning that never sees test data: the validation split is carved out of the
 * <em>training</em> interactions it is given, every candidate configuration is fitted on the rest and
 * measured on the carved pairs, the best one (by {@link #metric()}) is refitted on the whole training side.
 * Used inside every fold of an evaluation ({@link #asAlgorithm(String, TrainingInput)}), the tuned numbers are nested: the
 * fold's test pairs play no part in choosing the configuration.
 *
 * <p>Candidates: every point of a {@link ParameterGrid} (grid search) or {@code n} of them drawn without
 * replacement with a seed (random search, {@link #random(ParameterGrid, int, long)}). Validation carve: per user
 * with at least {@value #MIN_PAIRS} training pairs, {@code max(1, round(fraction n))} of their pairs chosen by a
 * seeded shuffle go to validation (users in training order, pairs in item order before the shuffle), so the
 * carve is a function of the training data and the seed only.
 *
 * <p>Metrics: {@code "rmse"} (lower is better; the model must be an {@link ItemScorer}; unknown ids get the
 * model's fallback) or {@code "ndcg@K"} (higher is better; top-K over the catalog minus the user's training
 * items, binary relevance = the user's validation pairs, averaged over users with validation pairs; computed
 * by {@link RankingMetrics}). Ties keep the first candidate.
 *
 * <p>Cost: {@code candidates + 1} fits plus the scoring. Immutable and thread-safe if the factory is.
 */
public final class Tuner {
    private static final Logger LOG = LoggerFactory.getLogger(Tuner.class);
    /** Users with fewer training pairs keep all of them for fitting. */
    public static final int MIN_PAIRS = 5;

    private final List<ParameterPoint> candidates;
    private final Function<ParameterPoint, ? extends Algorithm<?>> factory;
    private final String metric;
    private final int cutoff;
    private final double fraction;
    private final long seed;

    /**
     * A tuner.
     *
     * @param candidates the configurations to try, in order (ties keep the first)
     * @param factory    makes the algorithm of a configuration
     * @param metric     {@code "rmse"} or {@code "ndcg@K"}
     * @param fraction   share of each user's training pairs carved for validation, in (0, 1)
     * @param seed       seed of the carve
     * @throws IllegalArgumentException if there is no candidate, the metric is unknown or the fraction is
     *                                  outside (0, 1)
     */
    public Tuner(List<ParameterPoint> candidates, Function<ParameterPoint, ? extends Algorithm<?>> factory,
                 String metric, double fraction, long seed) {
        this.candidates = List.copyOf(candidates);
        if (this.candidates.isEmpty()) {
            throw new IllegalArgumentException("candidates must not be empty");
        }
        this.factory = Objects.requireNonNull(factory, "factory");
        this.metric = Objects.requireNonNull(metric, "metric");
        if (metric.equals("rmse")) {
            cutoff = 0;
        } else if (metric.matches("ndcg@[1-9][0-9]*")) {
            cutoff = Integer.parseInt(metric.substring(5));
        } else {
            throw new IllegalArgumentException("metric must be rmse or ndcg@K, got '" + metric + "'");
        }
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("fraction must be in (0, 1), got " + fraction);
        }
        this.fraction = fraction;
        this.seed = seed;
    }

    /**
     * {@code count} points of a grid drawn without replacement (all of them if the grid is smaller), in the
     * order drawn: random search over the grid's values.
     *
     * @param grid  the values of every parameter
     * @param count how many points, at least 1
     * @param seed  seed of the draw
     * @return the points
     */
    public static List<ParameterPoint> random(ParameterGrid grid, int count, long seed) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, got " + count);
        }
        List<ParameterPoint> points = new ArrayList<>(grid.points());
        SplittableRandom random = new SplittableRandom(seed);
        for (int k = points.size() - 1; k > 0; k--) {
            int j = random.nextInt(k + 1);
            ParameterPoint swap = points.get(k);
            points.set(k, points.get(j));
            points.set(j, swap);
        }
        return List.copyOf(points.subList(0, Math.min(count, points.size())));
    }

    /** The metric that picks the configuration. */
    public String metric() {
        return metric;
    }

    /** The candidate configurations. */
    public List<ParameterPoint> candidates() {
        return candidates;
    }

    /**
     * One candidate's validation score.
     *
     * @param point the configuration
     * @param score its metric on the validation carve ({@code NaN} if undefined)
     */
    public record Trial(ParameterPoint point, double score) {
    }

    /**
     * The outcome of {@link #tune(Interactions)}.
     *
     * @param trials every candidate's score, in candidate order
     * @param best   the chosen configuration
     * @param model  the chosen algorithm refitted on the whole training side
     */
    public record Result(List<Trial> trials, ParameterPoint best, Recommender model) {
    }

    /**
     * The two sides of a validation carve.
     *
     * @param fit        the pairs candidates are fitted on
     * @param validation the carved pairs
     */
    public record Carve(Interactions fit, Interactions validation) {
    }

    /**
     * Carves the validation pairs out of training interactions (see the class documentation).
     *
     * @param training the training side
     * @return the fitting and validation pairs, with all per-pair statistics
     */
    public Carve carve(Interactions training) {
        SplittableRandom random = new SplittableRandom(seed);
        boolean[] held = new boolean[training.size()];
        for (int u = 0; u < training.userCount(); u++) {
            int start = training.userStart(u);
            int n = training.userDegree(u);
            if (n < MIN_PAIRS) {
                continue;
            }
            int[] order = new int[n];
            for (int k = 0; k < n; k++) {
                order[k] = start + k;
            }
            Shuffle.shuffle(order, n, random);
            int count = Math.max(1, (int) Math.round(fraction * n));
            for (int k = 0; k < count; k++) {
                held[order[k]] = true;
            }
        }
        return new Carve(subset(training, held, false), subset(training, held, true));
    }

    private static Interactions subset(Interactions data, boolean[] held, boolean keep) {
        int size = 0;
        for (boolean h : held) {
            size += h == keep ? 1 : 0;
        }
        int[] users = new int[size];
        int[] items = new int[size];
        float[] values = new float[size];
        int[] events = new int[size];
        int[] engaged = new int[size];
        long[] times = new long[size];
        int k = 0;
        for (int u = 0; u < data.userCount(); u++) {
            for (int e = data.userStart(u); e < data.userEnd(u); e++) {
                if (held[e] == keep) {
                    users[k] = u;
                    items[k] = data.itemAt(e);
                    values[k] = data.value(e);
                    events[k] = data.eventCount(e);
                    engaged[k] = data.engagedCount(e);
                    times[k] = data.lastTimeMillis(e);
                    k++;
                }
            }
        }
        return Interactions.of(data.users(), data.items(), users, items, values, events, engaged, times);
    }

    /**
     * Tunes on a training side: carve, fit and score every candidate, refit the best on all of {@code training}.
     *
     * @param training the training side (never test data)
     * @return the trials, the chosen configuration and the refitted model
     * @throws IllegalArgumentException if no candidate has a defined score (e.g. RMSE of a model without point
     *                                  scores)
     */
    public Result tune(Interactions training) {
        Carve carve = carve(training);
        List<Trial> trials = new ArrayList<>(candidates.size());
        int best = -1;
        for (ParameterPoint point : candidates) {
            Recommender model = factory.apply(point).fit(TrainingData.of(carve.fit()), TrainingListener.NONE);
            double score = score(model, carve.validation());
            trials.add(new Trial(point, score));
            LOG.info("tuning {} on {} validation pairs: {} = {}", point, carve.validation().size(), metric,
                    Evaluator.rounded(score));
            if (!Double.isNaN(score) && (best < 0 || better(score, trials.get(best).score()))) {
                best = trials.size() - 1;
            }
        }
        if (best < 0) {
            throw new IllegalArgumentException("metric " + metric + " is undefined for every candidate"
                    + " (does the algorithm give point scores?)");
        }
        ParameterPoint chosen = candidates.get(best);
        LOG.info("tuning chose {} ({} {})", chosen, metric, Evaluator.rounded(trials.get(best).score()));
        Recommender model = factory.apply(chosen).fit(TrainingData.of(training), TrainingListener.NONE);
        return new Result(List.copyOf(trials), chosen, model);
    }

    private boolean better(double candidate, double incumbent) {
        return cutoff == 0 ? candidate < incumbent : candidate > incumbent;
    }

    /**
     * The metric of a model on validation pairs.
     *
     * @param model      the fitted model
     * @param validation the pairs to score (e.g. {@link Carve#validation()})
     * @return the score, or {@code NaN} if undefined (RMSE of a model that is not an {@link ItemScorer})
     */
    public double score(Recommender model, Interactions validation) {
        IdIndex users = validation.users();
        IdIndex items = validation.items();
        if (cutoff == 0) {
            if (!(model instanceof ItemScorer scorer)) {
                return Double.NaN;
            }
            double sum = 0;
            for (int u = 0; u < validation.userCount(); u++) {
                for (int e = validation.userStart(u); e < validation.userEnd(u); e++) {
                    double error = scorer.score(users.id(u), items.id(validation.itemAt(e))) - validation.value(e);
                    sum += error * error;
                }
            }
            return Math.sqrt(sum / validation.size());
        }
        double total = 0;
        int counted = 0;
        for (int u = 0; u < validation.userCount(); u++) {
            if (validation.userDegree(u) == 0) {
                // too few training pairs to carve any (or a user of the numbering only): nothing to find
                continue;
            }
            int[] relevant = new int[validation.userDegree(u)];
            for (int k = 0; k < relevant.length; k++) {
                relevant[k] = model.items().find(items.id(validation.itemAt(validation.userStart(u) + k))).orElse(-1);
            }
            Arrays.sort(relevant);
            List<String> ranked = model.recommend(users.id(u), cutoff).itemIds();
            int[] rankedIndexes = new int[ranked.size()];
            for (int r = 0; r < rankedIndexes.length; r++) {
                rankedIndexes[r] = model.items().indexOf(ranked.get(r));
            }
            total += RankingMetrics.ndcg(RankingMetrics.hits(rankedIndexes, relevant), relevant.length, cutoff);
            counted++;
        }
        return counted == 0 ? Double.NaN : total / counted;
    }

    /**
     * This tuner as an algorithm: every {@code fit} tunes on the training interactions it is given and returns
     * the refitted best model, so an {@link Evaluator} runs the tuning inside every fold.
     *
     * @param name  the name in reports, e.g. {@code "svd"}
     * @param input what the tuned algorithm trains on (the preset's input)
     * @return the tuned algorithm
     */
    public Algorithm<Recommender> asAlgorithm(String name, TrainingInput input) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(input, "input");
        return new Algorithm<>() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Recommender fit(TrainingData training, TrainingListener listener) {
                Interactions pairs = input.resolve(training);
                Algorithm.checkFitArguments(pairs, listener);
                return tune(pairs).model();
            }
        };
    }
}
