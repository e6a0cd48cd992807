package dev.recommender.core.mf;

import dev.recommender.core.SeenItems;
import dev.recommender.core.io.AbstractModelCodec;
import dev.recommender.core.io.ModelData;

/**
 * Model-file codec of {@link ExposureRate} (type {@code "exposure-rate"}, version 2): the configuration, mean,
 * offset, affinity weight and value range as properties (floats as exact bit patterns, so a loaded model answers
 * bit for bit as the saved one), biases, the folded factors ({@code 2 * factors} per row) and the exposure
 * constants as {@code float[]} sections, the seen items. Version 1 files, written before the model kept its
 * exposure constants, are refused with a request to fit again. Registered through {@link java.util.ServiceLoader}; stateless and
 * thread-safe.
 */
public final class ExposureRateCodec extends AbstractModelCodec<ExposureRate> {
    /** Creates the codec (called by {@link java.util.ServiceLoader}). */
    public ExposureRateCodec() {
        super(ExposureRate.NAME, 2, ExposureRate.class);
    }

    @Override
    public ModelData encode(ExposureRate model) {
        ExposureRate.Config c = model.config();
        ModelData.Builder data = BiasedFactorLayout.write(newData()
                .property("factors", c.factors())
                .property("regularization", c.regularization())
                .property("epochs", c.epochs())
                .property("learningRate", c.learningRate())
                .property("batchSize", c.batchSize())
                .property("biasRegularization", c.biasRegularization())
                .property("seed", c.seed())
                .property("threads", c.threads())
                .property("meanBits", Float.floatToRawIntBits((float) model.globalMean()))
                .property("offsetBits", Float.floatToRawIntBits(model.offset()))
                .property("betaBits", Float.floatToRawIntBits(model.affinityWeight())),
                model.minValue(), model.maxValue(), model.userBiasArray(), model.itemBiasArray(),
                model.userFactorArray(), model.itemFactorArray());
        data.putFloats("exposureBias", model.exposureBiasArray());
        model.seenItems().writeTo(data, "");
        return data.build();
    }

    @Override
    public ExposureRate decode(ModelData data) {
        if (data.modelVersion() == 1) {
            throw new IllegalArgumentException(ExposureRate.NAME + " model version 1 has no exposure constants; "
                    + "fit and save the model again");
        }
        requireCurrentVersion(data);
        ExposureRate.Config config = new ExposureRate.Config(data.intProperty("factors"),
                data.doubleProperty("regularization"), data.intProperty("epochs"), data.doubleProperty("learningRate"),
                data.intProperty("batchSize"), data.doubleProperty("biasRegularization"), data.longProperty("seed"),
                data.intProperty("threads"));
        if (config.factors() > Integer.MAX_VALUE / 2) {
            throw new IllegalArgumentException("factors " + config.factors() + " is too large");
        }
        SeenItems seen = SeenItems.readFrom(data, "");
        float[] range = BiasedFactorLayout.readValueRange(data);
        float mean = data.floatBitsProperty("meanBits");
        float offset = data.floatBitsProperty("offsetBits");
        float beta = data.floatBitsProperty("betaBits");
        float[][] sections = BiasedFactorLayout.readSections(data, seen, 2 * config.factors());
        float[] exposureBias = data.parameters("exposureBias", seen.items().size());
        return new ExposureRate(seen, config, mean, offset, beta, range[0], range[1], sections[0], sections[1],
                sections[2], sections[3], exposureBias);
    }
}
