package dev.recommender.core.io;

import dev.recommender.core.RecommendRequest;
import dev.recommender.core.Recommendations;
import dev.recommender.core.Recommender;
import dev.recommender.core.ScoredItem;
import dev.recommender.core.TrainingData;
import dev.recommender.core.TrainingListener;
import dev.recommender.core.baseline.Baseline;
import dev.recommender.core.baseline.Popularity;
import dev.recommender.core.data.Interactions;
import dev.recommender.core.mf.ExposureRate;
import dev.recommender.core.mf.RateAls;
import dev.recommender.core.mf.Svd;
import dev.recommender.core.mf.SvdPlusPlus;
import dev.recommender.core.ranking.RankingConfig;
import dev.recommender.core.ranking.RetrievalRanking;
import dev.recommender.core.ranking.RetrievalRankingAlgorithm;
import dev.recommender.core.ranking.RetrievalRankingConfig;
import dev.recommender.core.ranking.SyntheticLog;
import dev.recommender.core.retrieval.Ease;
import dev.recommender.core.retrieval.ImplicitAls;
import dev.recommender.core.retrieval.TwoTowerRetrieval;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.zip.CRC32C;

/**
 * Small saved models of every registered model type, and the checks a loaded model must pass, for
 * the corruption and fuzz tests. A codec registered in {@link ModelStore} without a sample here fails
 * {@code ModelFileFuzzTest.everyRegisteredCodecHasASample} unless {@link #NOT_FUZZED} says why, so a
 * new codec joins the fuzzing as soon as a sample is added.
 */
final class ModelSamples {
    /** Registered types that are not fuzzed here, with the reason. */
    static final Map<String, String> NOT_FUZZED = Map.of(
            "test-bias", "test double of the ranking tests",
            "test-cooccurrence", "test double of the ranking tests");

    private static final Map<String, Supplier<Recommender>> SAMPLES = Map.of(
            "popularity", () -> Popularity.Config.defaults().fit(tiny()),
            "baseline", () -> Baseline.Config.defaults().fit(tiny()),
            "svd", () -> Svd.Config.builder().factors(2).epochs(3).seed(7).threads(1).build().fit(tiny()),
            ImplicitAls.NAME, () -> ImplicitAls.fit(tiny(), ImplicitAls.Config.builder().factors(2).iterations(2)
                    .seed(7).threads(1).build()),
            TwoTowerRetrieval.NAME, () -> TwoTowerRetrieval.fit(tiny(), TwoTowerRetrieval.Config.builder()
                    .dimensions(2).epochs(1).batchSize(4).historyLength(2).seed(7).threads(1).build()),
            Ease.NAME, () -> Ease.fit(tiny(), Ease.Config.defaults()),
            RateAls.NAME, () -> RateAls.fit(tiny(), RateAls.Config.defaults()),
            SvdPlusPlus.NAME, () -> SvdPlusPlus.fit(tiny(), SvdPlusPlus.Config.defaults().withFactors(2).withEpochs(3)),
            ExposureRate.NAME, () -> ExposureRate.fit(tiny(), ExposureRate.Config.defaults().withFactors(2).withEpochs(2)),
            RetrievalRanking.NAME, () -> new RetrievalRankingAlgorithm<>(Popularity.Config.defaults(),
                    Svd.Config.builder().factors(2).epochs(2).seed(7).threads(1).build(),
                    RetrievalRankingConfig.builder().candidates(4).ranking(RankingConfig.builder().trees(3).maxDepth(2)
                            .maxNodes(3).nodeSize(5).seed(7).build()).build())
                    .fit(TrainingData.of(SyntheticLog.generate(12, 8, 20, 2, 7)), TrainingListener.NONE));

    /** Users asked for recommendations after a load: training users of both sample logs and a stranger. */
    static final List<String> PROBE_USERS = List.of("u0", "u1", "u2", "u3", "stranger");

    private static volatile Map<String, byte[]> files;

    private ModelSamples() {
    }

    /** Four users, five items, ratings 1 to 5: the smallest data every algorithm accepts. */
    static Interactions tiny() {
        Interactions.Builder builder = Interactions.builder();
        String[][] pairs = {{"u0", "a"}, {"u0", "b"}, {"u1", "b"}, {"u1", "c"}, {"u2", "c"}, {"u2", "d"},
            {"u3", "a"}, {"u3", "e"}, {"u0", "d"}};
        for (int k = 0; k < pairs.length; k++) {
            builder.add(pairs[k][0], pairs[k][1], 1 + k % 5, 1 + k % 2, k % 2, 1_000L * k);
        }
        return builder.build();
    }

    /** The types that have a sample. */
    static Set<String> sampledTypes() {
        return SAMPLES.keySet();
    }

    /** The bytes of a saved small model of every sampled type, by type (computed once). */
    static Map<String, byte[]> files() {
        if (files == null) {
            Map<String, byte[]> bytes = new TreeMap<>();
            SAMPLES.forEach((type, sample) -> bytes.put(type, ModelStore.toBytes(ModelStore.encode(sample.get()))));
            files = bytes;
        }
        return files;
    }

    /** Loads model-file bytes as {@link ModelStore#load(Path)} would. */
    static Recommender load(byte[] bytes) throws ModelFormatException {
        return ModelStore.load(bytes, Path.of("fuzzed.bin"));
    }

    /** Recomputes the trailing CRC32C so that content edits get past the checksum. */
    static byte[] withChecksumFixed(byte[] bytes) {
        if (bytes.length < 4) {
            return bytes;
        }
        byte[] fixed = bytes.clone();
        CRC32C crc = new CRC32C();
        crc.update(fixed, 0, fixed.length - 4);
        int value = (int) crc.getValue();
        for (int k = 0; k < 4; k++) {
            fixed[fixed.length - 4 + k] = (byte) (value >>> (24 - 8 * k));
        }
        return fixed;
    }

    /**
     * Checks that a loaded model answers sensibly: a non-empty list of distinct items with finite
     * scores for every probe user, and no negative popularity counts.
     *
     * @return null if sane, else what is wrong
     */
    static String insanity(Recommender model) {
        for (String user : PROBE_USERS) {
            Recommendations answer = model.recommend(user, RecommendRequest.top(3));
            if (answer.items().isEmpty()) {
                return "empty recommendations for " + user;
            }
            Set<String> distinct = new HashSet<>();
            for (ScoredItem item : answer.items()) {
                if (!Double.isFinite(item.score())) {
                    return "score " + item.score() + " for " + user + " / " + item.itemId();
                }
                if (model instanceof Popularity && item.score() < 0) {
                    return "negative popularity " + item.score();
                }
                if (!distinct.add(item.itemId())) {
                    return "item twice: " + item.itemId();
                }
            }
        }
        return null;
    }
}
