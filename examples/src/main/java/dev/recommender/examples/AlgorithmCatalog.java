package dev.recommender.examples;

import dev.recommender.core.Algorithm;
import dev.recommender.core.baseline.Baseline;
import dev.recommender.core.baseline.Popularity;
import dev.recommender.core.mf.ExposureRate;
import dev.recommender.core.mf.RateAls;
import dev.recommender.core.mf.Svd;
import dev.recommender.core.mf.SvdPlusPlus;
import dev.recommender.core.ranking.RankingConfig;
import dev.recommender.core.ranking.RankingTarget;
import dev.recommender.core.ranking.RetrievalRanking;
import dev.recommender.core.ranking.RetrievalRankingConfig;
import dev.recommender.core.retrieval.Ease;
import dev.recommender.core.retrieval.ImplicitAls;
import dev.recommender.core.retrieval.TwoTowerRetrieval;
import dev.recommender.taste.TasteAls;
import dev.recommender.taste.TasteAlsImplicit;
import dev.recommender.taste.TasteItemBased;
import dev.recommender.taste.TasteSgd;
import dev.recommender.taste.TasteUserBased;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where the tool resolves algorithm names ({@code --algorithms popularity,baseline,svd})
 * to configured {@link Algorithm}s. Each entry has a name, a one-line description and a factory from
 * the run's {@link Context} (data kind, seed, threads) to the algorithm, so presets can depend on the
 * data (e.g. SVD's engagement-rate preset for the seed log).
 *
 * <p>To add an algorithm, add one {@code .add(...)} line to {@link #standard()}. Each name is the
 * library's own {@code name()} of the algorithm (the name in reports, run records and model files), so
 * the CLI and the library use one vocabulary; former CLI spellings stay accepted as deprecated aliases
 * ({@code als} for {@code implicit-als}), with a warning.
 *
 * <p>Immutable and thread-safe.
 */
public final class AlgorithmCatalog {
    private static final Logger LOG = LoggerFactory.getLogger(AlgorithmCatalog.class);

    private final Map<String, Entry> entries;
    private final Map<String, String> aliases;

    private AlgorithmCatalog(Map<String, Entry> entries, Map<String, String> aliases) {
        this.entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        this.aliases = Collections.unmodifiableMap(new LinkedHashMap<>(aliases));
    }

    /**
     * What a factory may use to configure its algorithm.
     *
     * @param format  the input format (engagement rates or ratings)
     * @param seed    the run's seed
     * @param threads training threads
     */
    public record Context(DataFormat format, long seed, int threads) {
        /** Validates the fields. */
        public Context {
            Objects.requireNonNull(format, "format");
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1, got " + threads);
            }
        }
    }

    /**
     * One named algorithm.
     *
     * @param name        the command-line name
     * @param description one line for the help text
     * @param factory     configures the algorithm for a run
     */
    public record Entry(String name, String description, Function<Context, Algorithm<?>> factory) {
        /** Validates the fields. */
        public Entry {
            if (name == null || !name.matches("[a-z0-9][a-z0-9-]*")) {
                throw new IllegalArgumentException("name must be lower-case letters, digits and dashes, got '" + name + "'");
            }
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(factory, "factory");
        }
    }

    /** The algorithms of this library and its peers. */
    public static AlgorithmCatalog standard() {
        return builder()
                .add("popularity", "items by number of training users (non-personalised)",
                        c -> Popularity.Config.defaults())
                .add("baseline", "global mean + damped user and item biases",
                        c -> Baseline.Config.defaults())
                .add("svd", "biased matrix factorization by SGD (Surprise's SVD); engagement-rate or rating preset",
                        c -> (c.format().isEngagement() ? Svd.Config.forEngagementRate() : Svd.Config.forRatings())
                                .toBuilder().seed(c.seed()).threads(c.threads()).build())
                .add(SvdPlusPlus.NAME, "SVD++ (Koren 2008): svd whose user vectors also learn from which items the user "
                                + "rated; ratings only, one training thread",
                        c -> SvdPlusPlus.Config.defaults().withSeed(c.seed()))
                .add(ImplicitAls.NAME, "implicit-feedback ALS (Hu, Koren and Volinsky 2008), conjugate-gradient solves; top-N only",
                        c -> ImplicitAls.Config.builder().seed(c.seed()).threads(c.threads()).build())
                .add(TwoTowerRetrieval.NAME, "two-tower retrieval trained with in-batch sampled softmax (the TFRS model); top-N only",
                        c -> TwoTowerRetrieval.Config.builder().seed(c.seed()).threads(c.threads()).build())
                .add(RateAls.NAME, "engagement-rate model: ALS on engaged/shown, pairs weighted by shown count, with biases",
                        c -> RateAls.Config.defaults().withSeed(c.seed()).withThreads(c.threads()))
                .add(ExposureRate.NAME, "engagement-rate model: biases plus the taste a softmax factor model learns from "
                                + "which items each user was shown (cross-fitted on two halves of the pairs)",
                        c -> ExposureRate.Config.defaults().withSeed(c.seed()).withThreads(c.threads()))
                .add(Ease.NAME, "EASE item-item model (Steck 2019), closed form, binarised pairs, lambda 300; top-N only, "
                                + "catalogs up to 20,000 items",
                        c -> Ease.Config.defaults().withThreads(c.threads()))
                // Apache Mahout Taste 0.13 peers (module recommender-taste), with their default settings
                // and the command's seed and thread count
                .add(TasteItemBased.NAME, "Taste item-based CF, log-likelihood similarity (boolean data), exact candidates",
                        c -> TasteItemBased.defaults().withSeed(c.seed()))
                .add(TasteItemBased.NAME + "-sampled", "Taste item-based CF as taste-item, candidates bounded by Taste's "
                                + "SamplingCandidateItemsStrategy (factor 1): every user still served, far faster",
                        c -> TasteItemBased.defaults().withCandidates(TasteItemBased.Candidates.SAMPLING)
                                .withSamplingFactor(1).withSeed(c.seed()))
                .add(TasteUserBased.NAME, "Taste user-based CF, Pearson similarity, nearest-N neighbourhood",
                        c -> TasteUserBased.defaults().withSeed(c.seed()))
                .add(TasteAls.NAME, "Taste SVD with ALS-WR factorization (explicit)",
                        c -> TasteAls.defaults().withSeed(c.seed()).withThreads(c.threads()))
                .add(TasteAlsImplicit.NAME, "Taste SVD with ALS-WR factorization (implicit, confidence alpha)",
                        c -> TasteAlsImplicit.defaults().withSeed(c.seed()).withThreads(c.threads()))
                .add(TasteSgd.NAME, "Taste SVD with RatingSGDFactorizer", c -> TasteSgd.defaults().withSeed(c.seed()))
                .add(RetrievalRanking.NAME, "the two-stage model: implicit ALS retrieves, gradient-boosted trees over "
                                + "pair features (incl. the exposure-rate prediction on engagement logs, svd on ratings) "
                                + "rank its top "
                                + RetrievalRankingConfig.DEFAULT_CANDIDATES + " candidates; trained on a "
                                + "time-earlier slice (needs event times)",
                        c -> RetrievalRankingCommand.twoStage(c, RetrievalRankingCommand.als(c),
                                RetrievalRankingCommand.defaultScorer(c), RetrievalRankingConfig.DEFAULT_CANDIDATES, RankingTarget.ENGAGED, RankingConfig.DEFAULT_TREES))
                // ---- further algorithms register here, one .add(...) per name ----
                .alias("als", ImplicitAls.NAME)
                .build();
    }

    /** A builder for a custom catalog. */
    public static Builder builder() {
        return new Builder();
    }

    /** The entries in registration order. */
    public List<Entry> entries() {
        return List.copyOf(entries.values());
    }

    /** The registered names in registration order (without the deprecated aliases). */
    public List<String> names() {
        return List.copyOf(entries.keySet());
    }

    /**
     * The registered name a name stands for: the name itself, or the current name of a deprecated
     * alias (with a warning in the log).
     *
     * @param name a name as the user typed it
     * @return the registered name, or the trimmed input if it is neither a name nor an alias
     */
    public String canonicalName(String name) {
        String trimmed = name.trim();
        String current = aliases.get(trimmed);
        if (current == null) {
            return trimmed;
        }
        LOG.warn("algorithm name '{}' is deprecated; use '{}' (the name in reports and model files)", trimmed, current);
        return current;
    }

    /**
     * Configures one algorithm.
     *
     * @param name    a registered name or a deprecated alias
     * @param context the run's context
     * @return the configured algorithm
     * @throws UserInputException naming the known algorithms if the name is unknown
     */
    public Algorithm<?> create(String name, Context context) {
        String registered = canonicalName(name);
        Entry entry = entries.get(registered);
        if (entry == null) {
            throw new UserInputException("unknown algorithm '" + registered + "': expected one of "
                    + String.join(", ", entries.keySet()));
        }
        return entry.factory().apply(context);
    }

    /**
     * Configures the algorithms of a comma-separated list, keyed by their registered names in list order
     * (a deprecated alias is keyed by the name it stands for).
     *
     * @param names   e.g. {@code "popularity,baseline,svd"}
     * @param context the run's context
     * @return name to algorithm, in list order
     * @throws UserInputException if the list is empty, repeats a name or names an unknown algorithm
     */
    public Map<String, Algorithm<?>> createAll(String names, Context context) {
        Map<String, Algorithm<?>> algorithms = new LinkedHashMap<>();
        for (String name : names.split(",")) {
            if (name.isBlank()) {
                continue;
            }
            String trimmed = canonicalName(name);
            if (algorithms.containsKey(trimmed)) {
                throw new UserInputException("algorithm '" + trimmed + "' is listed twice");
            }
            algorithms.put(trimmed, create(trimmed, context));
        }
        if (algorithms.isEmpty()) {
            throw new UserInputException("no algorithm given: expected a comma-separated list of "
                    + String.join(", ", entries.keySet()));
        }
        return algorithms;
    }

    /** Collects entries; not thread-safe. */
    public static final class Builder {
        private final List<Entry> entries = new ArrayList<>();
        private final Map<String, String> aliases = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Registers an algorithm.
         *
         * @param name        the command-line name (lower case, digits, dashes)
         * @param description one line for the help text
         * @param factory     configures the algorithm for a run
         * @return this builder
         */
        public Builder add(String name, String description, Function<Context, Algorithm<?>> factory) {
            entries.add(new Entry(name, description, factory));
            return this;
        }

        /**
         * Keeps a former name accepted: it configures the algorithm registered as {@code current}, with a
         * deprecation warning in the log.
         *
         * @param alias   the former name
         * @param current the registered name it stands for
         * @return this builder
         */
        public Builder alias(String alias, String current) {
            aliases.put(Objects.requireNonNull(alias, "alias"), Objects.requireNonNull(current, "current"));
            return this;
        }

        /**
         * Returns the catalog.
         *
         * @throws IllegalArgumentException if a name is registered twice, or an alias is a registered name
         *                                  or stands for an unregistered one
         */
        public AlgorithmCatalog build() {
            Map<String, Entry> byName = new LinkedHashMap<>();
            for (Entry entry : entries) {
                if (byName.putIfAbsent(entry.name(), entry) != null) {
                    throw new IllegalArgumentException("algorithm '" + entry.name() + "' is registered twice");
                }
            }
            aliases.forEach((alias, current) -> {
                if (byName.containsKey(alias) || !byName.containsKey(current)) {
                    throw new IllegalArgumentException("alias '" + alias + "' must be a new name for the registered '"
                            + current + "'");
                }
            });
            return new AlgorithmCatalog(byName, aliases);
        }
    }
}
