package dev.recommender.core.retrieval;

import dev.recommender.core.SeenItems;
import dev.recommender.core.io.AbstractModelCodec;
import dev.recommender.core.io.ModelData;

/**
 * Saves and loads {@link TwoTowerRetrieval} models (type {@code "two-tower"}): the configuration as
 * properties, the training users, catalog and seen items, the user tower outputs of the training users, the
 * item embeddings and the history embeddings used for fold-in, as {@code float[]} sections. A loaded model
 * rebuilds its top-K index from the stored vectors (deterministically, see {@link HnswTopKIndex}), so it
 * answers exactly as the saved one. Registered through {@code META-INF/services}. Stateless and thread-safe.
 */
public final class TwoTowerCodec extends AbstractModelCodec<TwoTowerRetrieval> {
    /** Creates the codec (used by {@link java.util.ServiceLoader}). */
    public TwoTowerCodec() {
        super(TwoTowerRetrieval.NAME, 1, TwoTowerRetrieval.class);
    }

    @Override
    public ModelData encode(TwoTowerRetrieval model) {
        TwoTowerRetrieval.Config config = model.config();
        ModelData.Builder data = newData()
                .property("dimensions", config.dimensions())
                .property("epochs", config.epochs())
                .property("batchSize", config.batchSize())
                .property("optimizer", config.optimizer().name())
                .property("learningRate", config.learningRate())
                .property("temperature", config.temperature())
                .property("regularization", config.regularization())
                .property("logQCorrection", config.logQCorrection())
                .property("historyLength", config.historyLength())
                .property("userIdDropout", config.userIdDropout())
                .property("initScale", config.initScale())
                .property("seed", config.seed())
                .property("threads", config.threads());
        config.index().writeTo(data, "index.");
        model.seenItems().writeTo(data, "seen.");
        return data.putFloats("userVectors", model.userVectorsView())
                .putFloats("itemVectors", model.itemVectorsView())
                .putFloats("historyVectors", model.historyVectorsView())
                .build();
    }

    @Override
    public TwoTowerRetrieval decode(ModelData data) {
        requireCurrentVersion(data);
        String logQ = data.property("logQCorrection");
        if (!logQ.equals("true") && !logQ.equals("false")) {
            throw new IllegalArgumentException("property 'logQCorrection' is not a boolean: " + logQ);
        }
        TwoTowerRetrieval.Config config = new TwoTowerRetrieval.Config(data.intProperty("dimensions"),
                data.intProperty("epochs"), data.intProperty("batchSize"),
                TwoTowerRetrieval.Optimizer.parse(data.property("optimizer")), data.doubleProperty("learningRate"),
                data.doubleProperty("temperature"), data.doubleProperty("regularization"), Boolean.parseBoolean(logQ),
                data.intProperty("historyLength"), data.doubleProperty("userIdDropout"),
                data.doubleProperty("initScale"), data.longProperty("seed"), data.intProperty("threads"),
                ImplicitAlsCodec.readIndexConfig(data, "index."));
        SeenItems seen = SeenItems.readFrom(data, "seen.");
        long itemLength = ModelData.size("items x dimensions", seen.items().size(), config.dimensions());
        return new TwoTowerRetrieval(seen,
                data.parameters("userVectors", ModelData.size("users x dimensions", seen.users().size(),
                        config.dimensions())),
                data.parameters("itemVectors", itemLength),
                data.parameters("historyVectors", config.historyLength() > 0 ? itemLength : 0), config);
    }
}
