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
        ModelData.Builder data = newData()
                .property("loss", c.loss().name())
                .property("factors", c.factors())
                .property("regularization", c.regularization())
                .property("biasRegularization", c.biasRegularization())
                .property("weightExponent", c.weightExponent())
                .property("iterations", c.iterations())
                .property("seed", c.seed())
                .property("threads", c.threads())
                .property("meanBits", Float.floatToRawIntBits((float) model.globalMean()))
                .property("offsetBits", Float.floatToRawIntBits(model.offset()))
                .property("minValueBits", Float.floatToRawIntBits((float) model.minValue()))
                .property("maxValueBits", Float.floatToRawIntBits((float) model.maxValue()))
                .putFloats("userBias", model.userBiasArray())
                .putFloats("itemBias", model.itemBiasArray())
                .putFloats("userFactors", model.userFactorArray())
                .putFloats("itemFactors", model.itemFactorArray());
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
        int users = seen.users().size();
        int items = seen.items().size();
        float minValue = data.floatBitsProperty("minValueBits");
        float maxValue = data.floatBitsProperty("maxValueBits");
        if (!(minValue <= maxValue)) {
            throw new IllegalArgumentException("value range [" + minValue + ", " + maxValue + "] is empty");
        }
        return new RateAls(seen, config, data.floatBitsProperty("meanBits"), data.floatBitsProperty("offsetBits"),
                minValue, maxValue, data.parameters("userBias", users), data.parameters("itemBias", items),
                data.parameters("userFactors", ModelData.size("users x factors", users, config.factors())),
                data.parameters("itemFactors", ModelData.size("items x factors", items, config.factors())));
    }
}
