package dev.recommender.core.mf;

import dev.recommender.core.SeenItems;
import dev.recommender.core.io.AbstractModelCodec;
import dev.recommender.core.io.ModelData;

/**
 * Model-file codec of {@link RateAls} (type {@code "rate-als"}, version 1): the configuration, mean and value
 * range as properties (floats as exact bit patterns, so a loaded model answers bit for bit as the saved one),
 * biases and factors as {@code float[]} sections, the seen items. Registered through
 * {@link java.util.ServiceLoader}; stateless and thread-safe.
 */
public final class RateAlsCodec extends AbstractModelCodec<RateAls> {
    /** Creates the codec (called by {@link java.util.ServiceLoader}). */
    public RateAlsCodec() {
        super(RateAls.NAME, 1, RateAls.class);
    }

    @Override
    public ModelData encode(RateAls model) {
        RateAls.Config c = model.config();
        ModelData.Builder data = BiasedFactorLayout.write(newData()
                .property("loss", c.loss().name())
                .property("factors", c.factors())
                .property("regularization", c.regularization())
                .property("biasRegularization", c.biasRegularization())
                .property("weightExponent", c.weightExponent())
                .property("iterations", c.iterations())
                .property("seed", c.seed())
                .property("threads", c.threads())
                .property("meanBits", Float.floatToRawIntBits((float) model.globalMean()))
                .property("offsetBits", Float.floatToRawIntBits(model.offset())),
                model.minValue(), model.maxValue(), model.userBiasArray(), model.itemBiasArray(),
                model.userFactorArray(), model.itemFactorArray());
        model.seenItems().writeTo(data, "");
        return data.build();
    }

    @Override
    public RateAls decode(ModelData data) {
        RateAls.Config config = new RateAls.Config(RateAls.Loss.valueOf(data.property("loss")),
                data.intProperty("factors"), data.doubleProperty("regularization"),
                data.doubleProperty("biasRegularization"), data.doubleProperty("weightExponent"),
                data.intProperty("iterations"), data.longProperty("seed"), data.intProperty("threads"));
        SeenItems seen = SeenItems.readFrom(data, "");
        float[] range = BiasedFactorLayout.readValueRange(data);
        float mean = data.floatBitsProperty("meanBits");
        float offset = data.floatBitsProperty("offsetBits");
        float[][] sections = BiasedFactorLayout.readSections(data, seen, config.factors());
        return new RateAls(seen, config, mean, offset, range[0], range[1], sections[0], sections[1], sections[2],
                sections[3]);
    }
}
