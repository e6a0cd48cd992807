package dev.recommender.core.ranking;

import dev.recommender.core.ItemScorer;
import dev.recommender.core.Recommender;
import dev.recommender.core.io.ModelCodec;
import dev.recommender.core.io.ModelData;
import dev.recommender.core.io.ModelStore;

/**
 * Saves and loads {@link RetrievalRanking} models through {@link ModelStore}: the retrieval and
 * rating sub-models are encoded by their own codecs and nested under the prefixes
 * {@code retrieval/} and {@code scorer/}; the feature statistics are named arrays under
 * {@code features/}; the Smile trees of the engagement-rate model (and of the optional ordering model)
 * are byte sections of Java serialisation, read back through a
 * filter that admits only Smile and JDK classes. The container's checksum covers all of it, so a
 * corrupt file is refused before any of it is decoded. Stateless and thread-safe.
 */
public final class RetrievalRankingCodec implements ModelCodec<RetrievalRanking> {
    private static final String RETRIEVAL = "retrieval/";
    private static final String SCORER = "scorer/";
    private static final String FEATURES = "features/";

    /** Creates the codec (called by {@link java.util.ServiceLoader}). */
    public RetrievalRankingCodec() {
    }

    @Override
    public String type() {
        return RetrievalRanking.NAME;
    }

    /** Version 2 added the optional ordering model; version 1 files (without one) still load. */
    @Override
    public int version() {
        return 2;
    }

    @Override
    public Class<RetrievalRanking> modelClass() {
        return RetrievalRanking.class;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if a sub-model has no registered codec
     */
    @Override
    public ModelData encode(RetrievalRanking model) {
        RankingModel ranker = model.ranker();
        ModelData.Builder data = ModelData.builder(type(), version())
                .property("candidates", model.candidates())
                .property("ranker.minLabel", Double.toString(ranker.minLabel()))
                .property("ranker.maxLabel", Double.toString(ranker.maxLabel()))
                .putStrings("ranker.features", ranker.featureNames().toArray(String[]::new))
                .putBytes("ranker.trees", ranker.treesToBytes())
                .property("orderer", model.orderer().isPresent())
                .putModel(RETRIEVAL, ModelStore.encode(model.retrieval()))
                .putModel(SCORER, ModelStore.encode(model.scorer()));
        model.orderer().ifPresent(orderer -> data
                .property("orderer.minLabel", Double.toString(orderer.minLabel()))
                .property("orderer.maxLabel", Double.toString(orderer.maxLabel()))
                .putBytes("orderer.trees", orderer.treesToBytes()));
        model.features().writeTo(data, FEATURES);
        return data.build();
    }

    @Override
    public RetrievalRanking decode(ModelData data) {
        if (data.modelVersion() < 1 || data.modelVersion() > 2) {
            throw new IllegalArgumentException("unsupported retrieval-ranking version " + data.modelVersion());
        }
        Recommender retrieval = ModelStore.decode(data.model(RETRIEVAL));
        Recommender scorer = ModelStore.decode(data.model(SCORER));
        if (!(scorer instanceof ItemScorer)) {
            throw new IllegalArgumentException("stored scorer is a " + scorer.getClass().getName()
                    + ", not an ItemScorer");
        }
        RankingModel ranker = RankingModel.fromBytes(data.bytes("ranker.trees"), data.strings("ranker.features"),
                data.doubleProperty("ranker.minLabel"), data.doubleProperty("ranker.maxLabel"));
        RankingModel orderer = null;
        if (data.modelVersion() >= 2 && Boolean.parseBoolean(data.property("orderer"))) {
            orderer = RankingModel.fromBytes(data.bytes("orderer.trees"), data.strings("ranker.features"),
                    data.doubleProperty("orderer.minLabel"), data.doubleProperty("orderer.maxLabel"));
        }
        RankingFeatures features = RankingFeatures.readFrom(data, FEATURES);
        return RetrievalRanking.create(retrieval, scorer, features, ranker, orderer, data.intProperty("candidates"));
    }
}
