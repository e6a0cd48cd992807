package dev.recommender.examples.serve;

import dev.recommender.core.SeenItems;
import dev.recommender.core.io.ModelCodec;
import dev.recommender.core.io.ModelData;

/** Test-only codec for {@link FactorRecommender}, registered through META-INF/services. */
public final class FactorRecommenderCodec implements ModelCodec<FactorRecommender> {
    @Override
    public String type() {
        return "test-factors";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public Class<FactorRecommender> modelClass() {
        return FactorRecommender.class;
    }

    @Override
    public ModelData encode(FactorRecommender model) {
        ModelData.Builder data = ModelData.builder(type(), version()).property("factors", model.factors())
                .putFloats("userFactors", model.userFactors()).putFloats("itemFactors", model.itemFactors());
        model.seenItems().writeTo(data, "");
        return data.build();
    }

    @Override
    public FactorRecommender decode(ModelData data) {
        return new FactorRecommender(SeenItems.readFrom(data, ""), data.intProperty("factors"),
                data.floats("userFactors"), data.floats("itemFactors"));
    }
}
