package dev.recommender.core.baseline;

import dev.recommender.core.SeenItems;
import dev.recommender.core.io.AbstractModelCodec;
import dev.recommender.core.io.ModelData;

/**
 * Model-file codec of {@link Popularity} (type {@code "popularity"}, version 1): the seen items and
 * item user counts. Registered through {@link java.util.ServiceLoader}; stateless and thread-safe.
 */
public final class PopularityCodec extends AbstractModelCodec<Popularity> {
    /** Creates the codec (called by {@link java.util.ServiceLoader}). */
    public PopularityCodec() {
        super("popularity", 1, Popularity.class);
    }

    @Override
    public ModelData encode(Popularity model) {
        ModelData.Builder data = newData();
        model.seenItems().writeTo(data, "");
        return data.build();
    }

    @Override
    public Popularity decode(ModelData data) {
        return new Popularity(SeenItems.readFrom(data, ""));
    }
}
