package dev.recommender.core.mf;

import dev.recommender.core.SeenItems;
import dev.recommender.core.io.ModelData;

/**
 * The part of the model-file layout that {@link SvdCodec} and {@link RateAlsCodec} share for a biased factor
 * model: the value range as exact float bit patterns ({@code minValueBits}, {@code maxValueBits}), then the
 * user and item biases and factors as {@code float[]} sections ({@code userBias}, {@code itemBias},
 * {@code userFactors}, {@code itemFactors}). Stateless.
 */
final class BiasedFactorLayout {
    private BiasedFactorLayout() {
    }

    /**
     * Writes the value range and the four sections, in that order.
     *
     * @param data        the model data being built
     * @param minValue    the smallest training value
     * @param maxValue    the largest training value
     * @param userBias    user biases
     * @param itemBias    item biases
     * @param userFactors user factors, row-major
     * @param itemFactors item factors, row-major
     * @return {@code data}
     */
    static ModelData.Builder write(ModelData.Builder data, double minValue, double maxValue, float[] userBias,
                                   float[] itemBias, float[] userFactors, float[] itemFactors) {
        return data.property("minValueBits", Float.floatToRawIntBits((float) minValue))
                .property("maxValueBits", Float.floatToRawIntBits((float) maxValue))
                .putFloats("userBias", userBias)
                .putFloats("itemBias", itemBias)
                .putFloats("userFactors", userFactors)
                .putFloats("itemFactors", itemFactors);
    }

    /**
     * Reads the value range.
     *
     * @param data the model data
     * @return {@code {min, max}}
     * @throws IllegalArgumentException if a bound is missing or the range is empty
     */
    static float[] readValueRange(ModelData data) {
        float minValue = data.floatBitsProperty("minValueBits");
        float maxValue = data.floatBitsProperty("maxValueBits");
        if (!(minValue <= maxValue)) {
            throw new IllegalArgumentException("value range [" + minValue + ", " + maxValue + "] is empty");
        }
        return new float[] {minValue, maxValue};
    }

    /**
     * Reads the four sections, checked against the seen users and items and the latent dimension.
     *
     * @param data    the model data
     * @param seen    the model's users and items
     * @param factors the latent dimension
     * @return {@code {userBias, itemBias, userFactors, itemFactors}}
     * @throws IllegalArgumentException if a section is missing, has the wrong length or a non-finite value
     */
    static float[][] readSections(ModelData data, SeenItems seen, int factors) {
        int users = seen.users().size();
        int items = seen.items().size();
        return new float[][] {data.parameters("userBias", users), data.parameters("itemBias", items),
                data.parameters("userFactors", ModelData.size("users x factors", users, factors)),
                data.parameters("itemFactors", ModelData.size("items x factors", items, factors))};
    }
}
