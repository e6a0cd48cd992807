package dev.recommender.core.mf;

import dev.recommender.core.SeenItems;
import dev.recommender.core.io.AbstractModelCodec;
import dev.recommender.core.io.ModelData;

/**
 * Model-file codec of {@link SvdPlusPlus} (type {@code "svdpp"}, version 1): the configuration, mean and value
 * range as properties (floats as exact bit patterns, so a loaded model answers bit for bit as the saved one),
 * biases and factors as {@code float[]} sections (the user factors with the implicit term already folded in),
 * the seen items. Registered through {@link java.util.ServiceLoader}; stateless and thread-safe.
 */
public final class SvdPlusPlusCodec extends AbstractModelCodec<SvdPlusPlus> {
    /** Creates the codec (called by {@link java.util.ServiceLoader}). */
    public SvdPlusPlusCodec() {
        super(SvdPlusPlus.NAME, 1, SvdPlusPlus.class);
    }

    @Override
    public ModelData encode(SvdPlusPlus model) {
        SvdPlusPlus.Config c = model.config();
        ModelData.Builder data = BiasedFactorLayout.write(newData()
                .property("factors", c.factors())
                .property("epochs", c.epochs())
                .property("learningRate", c.learningRate())
                .property("regularization", c.regularization())
                .property("implicitRegularization", c.implicitRegularization())
                .property("biasRegularization", c.biasRegularization())
                .property("initStd", c.initStd())
                .property("learningRateDecay", c.learningRateDecay())
                .property("seed", c.seed())
                .property("meanBits", Float.floatToRawIntBits(model.offset())),
                model.minValue(), model.maxValue(), model.userBiasArray(), model.itemBiasArray(),
                model.userFactorArray(), model.itemFactorArray());
        model.seenItems().writeTo(data, "");
        return data.build();
    }

    @Override
    public SvdPlusPlus decode(ModelData data) {
        SvdPlusPlus.Config config = new SvdPlusPlus.Config(data.intProperty("factors"), data.intProperty("epochs"),
                data.doubleProperty("learningRate"), data.doubleProperty("regularization"),
                data.doubleProperty("implicitRegularization"), data.doubleProperty("biasRegularization"),
                data.doubleProperty("initStd"), data.doubleProperty("learningRateDecay"), data.longProperty("seed"));
        SeenItems seen = SeenItems.readFrom(data, "");
        float[] range = BiasedFactorLayout.readValueRange(data);
        float mean = data.floatBitsProperty("meanBits");
        float[][] sections = BiasedFactorLayout.readSections(data, seen, config.factors());
        return new SvdPlusPlus(seen, config, mean, range[0], range[1], sections[0], sections[1], sections[2],
                sections[3]);
    }
}
