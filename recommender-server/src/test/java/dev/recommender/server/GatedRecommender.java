package dev.recommender.server;

import dev.recommender.core.DenseScoringRecommender;
import dev.recommender.core.SeenItems;
import dev.recommender.core.io.AbstractModelCodec;
import dev.recommender.core.io.ModelData;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Test-only model whose scoring waits at a gate, so a test can hold a request inside the model
 * while it reloads the server. Gates are looked up by name in {@link #GATES} (test-only shared state:
 * the model is created by the codec from a file, so the test cannot hand the gate over directly).
 */
public final class GatedRecommender extends DenseScoringRecommender {
    /** Gates by name; a test registers one before the model is loaded and removes it afterwards. */
    static final Map<String, Gate> GATES = new ConcurrentHashMap<>();

    /**
     * @param entered counted down when a request reaches the model
     * @param release awaited by the request before it scores
     */
    record Gate(CountDownLatch entered, CountDownLatch release) {
        Gate() {
            this(new CountDownLatch(1), new CountDownLatch(1));
        }
    }

    private final String gate;
    private final float[] table;

    GatedRecommender(SeenItems seen, String gate, float[] table) {
        super(seen);
        this.gate = gate;
        this.table = table.clone();
    }

    @Override
    public String name() {
        return "gated";
    }

    @Override
    protected void scoreAll(int userIndex, float[] scores) {
        Gate g = GATES.get(gate);
        if (g != null) {
            g.entered().countDown();
            try {
                if (!g.release().await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("gate " + gate + " was never released");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        System.arraycopy(table, userIndex * scores.length, scores, 0, scores.length);
    }

    /** Codec for {@link GatedRecommender}. */
    public static final class Codec extends AbstractModelCodec<GatedRecommender> {
        /** Creates the codec (called by {@link java.util.ServiceLoader}). */
        public Codec() {
            super("test-gated", 1, GatedRecommender.class);
        }

        @Override
        public ModelData encode(GatedRecommender model) {
            ModelData.Builder data = newData().property("gate", model.gate)
                    .putFloats("table", model.table);
            model.seenItems().writeTo(data, "");
            return data.build();
        }

        @Override
        public GatedRecommender decode(ModelData data) {
            return new GatedRecommender(SeenItems.readFrom(data, ""), data.property("gate"), data.floats("table"));
        }
    }
}
