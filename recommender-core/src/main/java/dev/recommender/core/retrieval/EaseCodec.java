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
        SeenItems seen = SeenItems.readFrom(data, "seen.");
        boolean hasValues = data.hasSection("userValues");
        if (config.binarise() == hasValues) {
            throw new IllegalArgumentException("binarise=" + config.binarise() + " but userValues section "
                    + (hasValues ? "present" : "missing"));
        }
        long seenPairs = 0;
        for (int user = 0; user < seen.users().size(); user++) {
            seenPairs += seen.userItemCount(user);
        }
        float[] values = hasValues ? data.parameters("userValues", seenPairs) : null;
        int items = seen.items().size();
        return new Ease(seen, data.parameters("weights", ModelData.size("items x items", items, items)), values, config);
    }
}
