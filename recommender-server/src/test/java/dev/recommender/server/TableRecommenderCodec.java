package dev.recommender.server;

import dev.recommender.core.SeenItems;
import dev.recommender.core.io.AbstractModelCodec;
import dev.recommender.core.io.ModelData;

/** Test-only codec for {@link TableRecommender}, registered through META-INF/services. */
public final class TableRecommenderCodec extends AbstractModelCodec<TableRecommender> {
    /** Creates the codec (called by {@link java.util.ServiceLoader}). */
    public TableRecommenderCodec() {
        super("test-table", 1, TableRecommender.class);
    }

    @Override
    public ModelData encode(TableRecommender model) {
        ModelData.Builder data = newData().property("name", model.name())
                .putFloats("table", model.table());
        model.seenItems().writeTo(data, "");
        return data.build();
    }

    @Override
    public TableRecommender decode(ModelData data) {
        return new TableRecommender(data.property("name"), SeenItems.readFrom(data, ""), data.floats("table"));
    }
}
