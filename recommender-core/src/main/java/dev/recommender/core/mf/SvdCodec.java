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
        ModelData.Builder data = BiasedFactorLayout.write(newData()
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
                .property("meanBits", Float.floatToRawIntBits(model.mean())),
                model.minValue(), model.maxValue(), model.userBiasArray(), model.itemBiasArray(),
                model.userFactorArray(), model.itemFactorArray());
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
        float[] range = BiasedFactorLayout.readValueRange(data);
        float mean = data.floatBitsProperty("meanBits");
        float[][] sections = BiasedFactorLayout.readSections(data, seen, config.factors());
        return new Svd(seen, config, mean, range[0], range[1], sections[0], sections[1], sections[2], sections[3],
                data.property("kernel"));
    }
}
