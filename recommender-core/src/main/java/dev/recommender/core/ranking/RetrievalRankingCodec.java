package dev.recommender.core.ranking;

import dev.recommender.core.ItemScorer;
import dev.recommender.core.Recommender;
import dev.recommender.core.io.ModelCodec;
import dev.recommender.core.io.ModelData;
import dev.recommender.core.io.ModelStore;

import java.util.List;

/**
 * Saves and loads {@link RetrievalRanking} models through {@link ModelStore}: the retrieval and
 * rating sub-models are encoded by their own codecs and nested under the prefixes
 * {@code retrieval/} and {@code scorer/}; the feature statistics are named arrays under
 * {@code features/}; the trees of the engagement-rate model (and of the optional ordering model)
 * are the flat {@link TreeEnsemble} arrays under {@code ranker.} (and {@code orderer.}). Nothing is
 * stored by Java serialisation: loading only reads primitive arrays and checks every length, index
 * and value before a model is built. The container's checksum covers all of it, so a corrupt file is
 * refused before any of it is decoded. Stateless and thread-safe.
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

    /**
     * Version 4 adds the {@code exposure_score} feature. Version 3 stored the same layout for trees grown on one
     * feature fewer; versions 1 and 2 held Java-serialised Smile trees (deserialising them is what made a crafted
     * file able to hang or kill a server). All three are refused with a request to fit again.
     */
    @Override
    public int version() {
        return 4;
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
                .putStrings("ranker.features", ranker.featureNames().toArray(String[]::new))
                .property("orderer", model.orderer().isPresent())
                .property("ordering.weight", model.orderingWeight())
                .putModel(RETRIEVAL, ModelStore.encode(model.retrieval()))
                .putModel(SCORER, ModelStore.encode(model.scorer()));
        ranker.writeTo(data, "ranker.");
        model.orderer().ifPresent(orderer -> orderer.writeTo(data, "orderer."));
        model.features().writeTo(data, FEATURES);
        return data.build();
    }

    @Override
    public RetrievalRanking decode(ModelData data) {
        if (data.modelVersion() < 3) {
            throw new IllegalArgumentException("retrieval-ranking version " + data.modelVersion()
                    + " stored its trees by Java serialisation, which is no longer read; fit and save the model again");
        }
        if (data.modelVersion() == 3) {
            throw new IllegalArgumentException("retrieval-ranking version 3 was fitted without the exposure_score "
                    + "feature; fit and save the model again");
        }
        if (data.modelVersion() > version()) {
            throw new IllegalArgumentException("unsupported retrieval-ranking version " + data.modelVersion()
                    + " (this library reads up to " + version() + ")");
        }
        // the trees first: they are cheap to check, so a crafted file is refused before the sub-models are built
        List<String> featureNames = data.strings("ranker.features");
        RankingModel ranker = RankingModel.readFrom(data, "ranker.", featureNames);
        RankingModel orderer = Boolean.parseBoolean(data.property("orderer"))
                ? RankingModel.readFrom(data, "orderer.", featureNames)
                : null;
        Recommender retrieval = ModelStore.decode(data.model(RETRIEVAL));
        Recommender scorer = ModelStore.decode(data.model(SCORER));
        if (!(scorer instanceof ItemScorer)) {
            throw new IllegalArgumentException("stored scorer is a " + scorer.getClass().getName()
                    + ", not an ItemScorer");
        }
        RankingFeatures features = RankingFeatures.readFrom(data, FEATURES);
        // files written before the weight existed ordered by the orderer alone
        double orderingWeight = data.hasProperty("ordering.weight") ? data.doubleProperty("ordering.weight", 0, 1) : 1;
        return RetrievalRanking.create(retrieval, scorer, features, ranker, orderer, orderingWeight,
                data.intProperty("candidates"));
    }
}
