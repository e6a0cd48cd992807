package dev.recommender.server;

import dev.recommender.core.DenseScoringRecommender;
import dev.recommender.core.SeenItems;
import dev.recommender.core.data.Interactions;

import java.util.Arrays;

/**
 * Test-only model: a fixed user × item score table, so tests know every answer in advance. The
 * rest of the recommend contract (seen items, fallback, ties) comes from {@link DenseScoringRecommender}.
 */
public final class TableRecommender extends DenseScoringRecommender {
    private final String name;
    private final float[] table;
    private final int itemCount;

    /**
     * @param name     the model name reported by the API
     * @param training the training pairs (seen items and popularity)
     * @param table    scores, row-major users × items in the training indexes
     */
    public TableRecommender(String name, Interactions training, float[] table) {
        this(name, SeenItems.of(training), table);
    }

    TableRecommender(String name, SeenItems seen, float[] table) {
        super(seen);
        this.name = name;
        this.itemCount = seen.items().size();
        if (table.length != seen.users().size() * itemCount) {
            throw new IllegalArgumentException("table has " + table.length + " scores, expected "
                    + seen.users().size() * itemCount);
        }
        this.table = table.clone();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    protected void scoreAll(int userIndex, float[] scores) {
        System.arraycopy(table, userIndex * itemCount, scores, 0, itemCount);
    }

    float[] table() {
        return Arrays.copyOf(table, table.length);
    }
}
