package dev.recommender.core.baseline;

import dev.recommender.core.SeenItems;
import dev.recommender.core.io.ModelCodec;
import dev.recommender.core.io.ModelData;

/**
 * Model-file codec of {@link Popularity} (type {@code "popularity"}, version 1): the seen items and
 * item user counts. Registered through {@link java.util.ServiceLoader}; stateless and thread-safe.
 */
public final class PopularityCodec implements ModelCodec<Popularity> {
    /** Creates the codec (called by {@link java.util.ServiceLoader}). */
    public PopularityCodec() {
    }

    @Override
    public String type() {
        return "popularity";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public Class<Popularity> modelClass() {
        return Popularity.class;
    }

    @Override
    public ModelData encode(Popularity model) {
        ModelData.Builder data = ModelData.builder(type(), version());
        model.seenItems().writeTo(data, "");
        return data.build();
    }

    @Override
    public Popularity decode(ModelData data) {
        return new Popularity(SeenItems.readFrom(data, ""));
    }
}
