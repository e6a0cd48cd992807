package dev.recommender.core.mf;

import dev.recommender.core.SeenItems;
import dev.recommender.core.io.AbstractModelCodec;
import dev.recommender.core.io.ModelData;

/**
 * Model-file codec of {@link Svd} (type {@code "svd"}, version 1): the configuration, the kernel
 * that trained the model, mean and value range as properties (floats written as their exact bit
 * patterns, so a loaded model answers bit for bit as the saved one); biases and factors as
 * {@code float[]} sections; the seen items. Decoding checks sense before building: every size against the
 * section lengths (products computed without overflow), every parameter finite and plausible, the
 * configuration in its documented ranges. Registered through {@link java.util.ServiceLoader};
 * stateless and thread-safe.
 */
public final class SvdCodec extends AbstractModelCodec<Svd> {
    /** Creates the codec (called by {@link java.util.ServiceLoader}). */
    public SvdCodec() {
        super("svd", 1, Svd.class);
    }

    @Override
    public ModelData encode(Svd model) {
        Svd.Config c = model.config();
        ModelData.Builder data = newData()
                .property("factors", c.factors())
                .property("epochs", c.epochs())
                .property("learningRate", c.learningRate())
                .property("biasLearningRate", c.biasLearningRate())
                .property("factorRegularization", c.factorRegularization())
                .property("biasRegularization", c.biasRegularization())
                .property("initStd", c.initStd())
                .property("learningRateDecay", c.learningRateDecay())
                .property("seed", c.seed())
                .property("threads", c.threads())
                .property("kernelChoice", c.kernel().name())
                .property("order", c.order().name())
                .property("pairWeight", c.pairWeight().name())
                .property("kernel", model.kernel())
                .property("meanBits", Float.floatToRawIntBits(model.mean()))
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
    public Svd decode(ModelData data) {
        Svd.Config config = new Svd.Config(data.intProperty("factors"), data.intProperty("epochs"),
                data.doubleProperty("learningRate"), data.doubleProperty("biasLearningRate"),
                data.doubleProperty("factorRegularization"), data.doubleProperty("biasRegularization"),
                data.doubleProperty("initStd"), data.doubleProperty("learningRateDecay"),
                data.longProperty("seed"), data.intProperty("threads"),
                Svd.Kernel.valueOf(data.property("kernelChoice")), Svd.Order.valueOf(data.property("order")),
                Svd.PairWeight.valueOf(data.property("pairWeight")));
        SeenItems seen = SeenItems.readFrom(data, "");
        int users = seen.users().size();
        int items = seen.items().size();
        float minValue = data.floatBitsProperty("minValueBits");
        float maxValue = data.floatBitsProperty("maxValueBits");
        if (!(minValue <= maxValue)) {
            throw new IllegalArgumentException("value range [" + minValue + ", " + maxValue + "] is empty");
        }
        return new Svd(seen, config, data.floatBitsProperty("meanBits"), minValue, maxValue,
                data.parameters("userBias", users), data.parameters("itemBias", items),
                data.parameters("userFactors", ModelData.size("users x factors", users, config.factors())),
                data.parameters("itemFactors", ModelData.size("items x factors", items, config.factors())),
                data.property("kernel"));
    }
}
