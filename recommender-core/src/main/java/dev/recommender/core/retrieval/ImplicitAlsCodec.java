package dev.recommender.core.retrieval;

import dev.recommender.core.SeenItems;
import dev.recommender.core.io.AbstractModelCodec;
import dev.recommender.core.io.ModelData;

/**
 * Saves and loads {@link ImplicitAls} models (type {@code "implicit-als"}): the configuration as properties,
 * the training users, catalog and seen items, and the two factor matrices as {@code float[]} sections. A
 * loaded model rebuilds its top-K index from the stored factors (deterministically, see
 * {@link HnswTopKIndex}), so it answers exactly as the saved one. Registered through
 * {@code META-INF/services}. Stateless and thread-safe.
 */
public final class ImplicitAlsCodec extends AbstractModelCodec<ImplicitAls> {
    /** Creates the codec (used by {@link java.util.ServiceLoader}). */
    public ImplicitAlsCodec() {
        super(ImplicitAls.NAME, 1, ImplicitAls.class);
    }

    @Override
    public ModelData encode(ImplicitAls model) {
        ImplicitAls.Config config = model.config();
        ModelData.Builder data = newData()
                .property("factors", config.factors())
                .property("regularization", config.regularization())
                .property("alpha", config.alpha())
                .property("iterations", config.iterations())
                .property("cgSteps", config.cgSteps())
                .property("seed", config.seed())
                .property("threads", config.threads());
        config.index().writeTo(data, "index.");
        model.seenItems().writeTo(data, "seen.");
        return data.putFloats("userFactors", model.userVectorsView())
                .putFloats("itemFactors", model.itemVectorsView())
                .build();
    }

    @Override
    public ImplicitAls decode(ModelData data) {
        requireCurrentVersion(data);
        ImplicitAls.Config config = new ImplicitAls.Config(data.intProperty("factors"),
                data.doubleProperty("regularization"), data.doubleProperty("alpha"), data.intProperty("iterations"),
                data.intProperty("cgSteps"), data.longProperty("seed"), data.intProperty("threads"),
                readIndexConfig(data, "index."));
        SeenItems seen = SeenItems.readFrom(data, "seen.");
        return new ImplicitAls(seen,
                data.parameters("userFactors", ModelData.size("users x factors", seen.users().size(), config.factors())),
                data.parameters("itemFactors", ModelData.size("items x factors", seen.items().size(), config.factors())),
                config);
    }

    /** Largest HNSW search or construction breadth a model file may ask for. */
    static final int MAX_INDEX_BREADTH = 1 << 16;

    /**
     * Reads an index configuration after checking that its breadths are plausible (a huge
     * {@code efSearch} would allocate a huge queue on every request).
     */
    static IndexConfig readIndexConfig(ModelData data, String prefix) {
        data.intProperty(prefix + "efSearch", 1, MAX_INDEX_BREADTH);
        data.intProperty(prefix + "efConstruction", 1, MAX_INDEX_BREADTH);
        data.intProperty(prefix + "buildThreads", 1, 1 << 12);
        return IndexConfig.readFrom(data, prefix);
    }
}
