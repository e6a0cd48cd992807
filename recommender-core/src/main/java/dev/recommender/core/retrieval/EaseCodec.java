package dev.recommender.core.retrieval;

import dev.recommender.core.SeenItems;
import dev.recommender.core.io.AbstractModelCodec;
import dev.recommender.core.io.ModelData;

/**
 * Model-file codec of {@link Ease} (type {@code "ease"}, version 1): the configuration as properties, the
 * training users, catalog and seen items, the {@code n×n} weight matrix as a {@code float[]} section and, for
 * a model fitted on non-binarised values, the seen entries' values. Registered through
 * {@link java.util.ServiceLoader}; stateless and thread-safe.
 */
public final class EaseCodec extends AbstractModelCodec<Ease> {
    /** Creates the codec (called by {@link java.util.ServiceLoader}). */
    public EaseCodec() {
        super(Ease.NAME, 1, Ease.class);
    }

    @Override
    public ModelData encode(Ease model) {
        Ease.Config config = model.config();
        ModelData.Builder data = newData()
                .property("regularization", config.regularization())
                .property("binarise", config.binarise())
                .property("maxItems", config.maxItems())
                .property("threads", config.threads());
        model.seenItems().writeTo(data, "seen.");
        data.putFloats("weights", model.weightsView());
        if (model.userValuesView() != null) {
            data.putFloats("userValues", model.userValuesView());
        }
        return data.build();
    }

    @Override
    public Ease decode(ModelData data) {
        Ease.Config config = new Ease.Config(data.doubleProperty("regularization"),
                Boolean.parseBoolean(data.property("binarise")), data.intProperty("maxItems"),
                data.intProperty("threads"));
        float[] values = data.hasSection("userValues") ? data.floats("userValues") : null;
        if (config.binarise() == (values != null)) {
            throw new IllegalArgumentException("binarise=" + config.binarise() + " but userValues section "
                    + (values == null ? "missing" : "present"));
        }
        return new Ease(SeenItems.readFrom(data, "seen."), data.floats("weights"), values, config);
    }
}
