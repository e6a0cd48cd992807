package dev.recommender.server;

import dev.recommender.core.SeenItems;
import dev.recommender.core.io.ModelCodec;
import dev.recommender.core.io.ModelData;

/** Test-only codec for {@link TableRecommender}, registered through META-INF/services. */
public final class TableRecommenderCodec implements ModelCodec<TableRecommender> {
    @Override
    public String type() {
        return "test-table";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public Class<TableRecommender> modelClass() {
        return TableRecommender.class;
    }

    @Override
    public ModelData encode(TableRecommender model) {
        ModelData.Builder data = ModelData.builder(type(), version()).property("name", model.name())
                .putFloats("table", model.table());
        model.seenItems().writeTo(data, "");
        return data.build();
    }

    @Override
    public TableRecommender decode(ModelData data) {
        return new TableRecommender(data.property("name"), SeenItems.readFrom(data, ""), data.floats("table"));
    }
}
