package dev.recommender.core.baseline;

import dev.recommender.core.SeenItems;
import dev.recommender.core.io.AbstractModelCodec;
import dev.recommender.core.io.ModelData;

/**
 * Model-file codec of {@link Baseline} (type {@code "baseline"}, version 1): configuration, mean and
 * value range as properties; the biases as {@code double[]} sections; the seen items. Decoding checks
 * lengths, finiteness and ranges before building. Registered
 * through {@link java.util.ServiceLoader}; stateless and thread-safe.
 */
public final class BaselineCodec extends AbstractModelCodec<Baseline> {
    /** Creates the codec (called by {@link java.util.ServiceLoader}). */
    public BaselineCodec() {
        super("baseline", 1, Baseline.class);
    }

    @Override
    public ModelData encode(Baseline model) {
        Baseline.Config config = model.config();
        ModelData.Builder data = newData()
                .property("userDamping", config.userDamping())
                .property("itemDamping", config.itemDamping())
                .property("iterations", config.iterations())
                .property("mean", model.globalMean())
                .property("minValue", model.minValue())
                .property("maxValue", model.maxValue())
                .putDoubles("userBias", model.userBiasArray())
                .putDoubles("itemBias", model.itemBiasArray());
        model.seenItems().writeTo(data, "");
        return data.build();
    }

    @Override
    public Baseline decode(ModelData data) {
        Baseline.Config config = new Baseline.Config(data.doubleProperty("userDamping"),
                data.doubleProperty("itemDamping"), data.intProperty("iterations"));
        SeenItems seen = SeenItems.readFrom(data, "");
        double bound = ModelData.MAX_PARAMETER_MAGNITUDE;
        double minValue = data.doubleProperty("minValue", -bound, bound);
        double maxValue = data.doubleProperty("maxValue", minValue, bound);
        return new Baseline(seen, config, data.doubleProperty("mean", -bound, bound), minValue, maxValue,
                data.doubleParameters("userBias", seen.users().size()),
                data.doubleParameters("itemBias", seen.items().size()));
    }
}
