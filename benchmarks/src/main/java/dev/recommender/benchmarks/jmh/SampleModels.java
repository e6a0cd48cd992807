package dev.recommender.benchmarks.jmh;

import dev.recommender.core.Recommender;
import dev.recommender.core.TrainingData;
import dev.recommender.core.TrainingInput;
import dev.recommender.core.TrainingListener;
import dev.recommender.core.data.EngagementRate;
import dev.recommender.core.data.EventLog;
import dev.recommender.core.data.Signals;
import dev.recommender.core.mf.ExposureRate;
import dev.recommender.core.mf.Svd;
import dev.recommender.core.ranking.RankingTarget;
import dev.recommender.core.ranking.RetrievalRankingAlgorithm;
import dev.recommender.core.ranking.RetrievalRankingConfig;
import dev.recommender.core.retrieval.ImplicitAls;
import dev.recommender.core.retrieval.TwoTowerRetrieval;

/**
 * The models of the CLI's defaults, fitted on an event log (normally the built-in sample): the one
 * place where the benchmarks touch the training API, so a change of that API is fixed here only.
 * {@code retrieval-ranking} is the {@code retrieval-ranking} command's model (ALS retrieval, the
 * exposure-rate scorer, the ENGAGED ordering target, the default tree and candidate counts).
 */
final class SampleModels {
    private SampleModels() {
    }

    static Recommender fit(String name, EventLog log, long seed) {
        TrainingData data = TrainingData.of(log, Signals.engagementLog());
        Svd.Config svd = Svd.Config.forEngagementRate().toBuilder().seed(seed).build();
        ImplicitAls.Config als = ImplicitAls.Config.builder().seed(seed).build();
        return switch (name) {
            case "svd" -> svd.fit(data, TrainingListener.NONE);
            case "als" -> als.fit(data, TrainingListener.NONE);
            case "two-tower" -> TwoTowerRetrieval.Config.builder().seed(seed)
                    .input(TrainingInput.of(EngagementRate.seed().withEngagedPairsOnly(true))).build()
                    .fit(data, TrainingListener.NONE);
            case "retrieval-ranking" -> new RetrievalRankingAlgorithm<>(als,
                    ExposureRate.Config.defaults().withSeed(seed).withThreads(2), RetrievalRankingConfig.builder()
                    .target(RankingTarget.ENGAGED).build())
                    .fit(data, TrainingListener.NONE);
            default -> throw new IllegalArgumentException("unknown model '" + name
                    + "'; expected svd, als, two-tower or retrieval-ranking");
        };
    }
}
