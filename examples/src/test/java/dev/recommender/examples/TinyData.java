package dev.recommender.examples;

import dev.recommender.core.data.EventLog;
import dev.recommender.core.data.Interactions;

/** A tiny hand-made seed-shaped log and its engagement-rate pairs, for tests. */
final class TinyData {
    private TinyData() {
    }

    /**
     * Events (time in seconds after 2022-01-01T00:00Z = 1640995200):
     * <pre>
     *   u1 c1 viewed   t+0
     *   u1 c1 engaged  t+60
     *   u1 c2 viewed   t+120
     *   u2 c1 viewed   t+86400
     *   u2 c1 viewed   t+86460
     *   u2 c1 engaged  t+86520
     *   u2 c3 engaged  t+172800
     * </pre>
     */
    static EventLog log() {
        long t = 1_640_995_200_000L;
        return EventLog.builder()
                .add("u1", "c1", t, "viewed", Float.NaN)
                .add("u1", "c1", t + 60_000, "engaged", Float.NaN)
                .add("u1", "c2", t + 120_000, "viewed", Float.NaN)
                .add("u2", "c1", t + 86_400_000, "viewed", Float.NaN)
                .add("u2", "c1", t + 86_460_000, "viewed", Float.NaN)
                .add("u2", "c1", t + 86_520_000, "engaged", Float.NaN)
                .add("u2", "c3", t + 172_800_000, "engaged", Float.NaN)
                .build();
    }

    /**
     * The log aggregated by hand: (u1,c1) 1 of 2 engaged = 0.5; (u1,c2) 0 of 1 = 0; (u2,c1) 1 of 3 = 1/3;
     * (u2,c3) 1 of 1 = 1.
     */
    static Interactions pairs() {
        long t = 1_640_995_200_000L;
        return Interactions.builder()
                .add("u1", "c1", 0.5f, 2, 1, t + 60_000)
                .add("u1", "c2", 0f, 1, 0, t + 120_000)
                .add("u2", "c1", 1f / 3, 3, 1, t + 86_520_000)
                .add("u2", "c3", 1f, 1, 1, t + 172_800_000)
                .build();
    }
}
