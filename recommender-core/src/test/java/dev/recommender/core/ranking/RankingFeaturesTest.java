package dev.recommender.core.ranking;

import dev.recommender.core.data.EventLog;
import dev.recommender.core.io.ModelData;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RankingFeaturesTest {
    static final long DAY = 86_400_000L;
    static final FeatureConfig CONFIG = new FeatureConfig(Set.of("engaged"), 2, 3);

    /** Four history events before day 5, one exactly at the cut-off, one after it. */
    static EventLog tinyLog(boolean withLaterEvents) {
        EventLog.Builder log = EventLog.builder()
                .add("a", "x", 0, "viewed", Float.NaN)
                .add("a", "x", DAY, "engaged", Float.NaN)
                .add("a", "y", 2 * DAY, "viewed", Float.NaN)
                .add("b", "x", 3 * DAY, "engaged", Float.NaN);
        if (withLaterEvents) {
            log.add("b", "z", 5 * DAY, "viewed", Float.NaN) // exactly at the cut-off: a label, not history
                    .add("a", "y", 6 * DAY, "engaged", Float.NaN)
                    .add("a", "x", 7 * DAY, "engaged", Float.NaN);
        }
        return log.build();
    }

    static double[] row(double retrieval, double svd, double exposure, double userEvents, double userRate,
                        double daysSinceLast, double itemUsers, double itemRecent, double itemRate, double itemAge,
                        double pairEvents, double pairRate) {
        return new double[] {retrieval, svd, exposure, userEvents, userRate, daysSinceLast, itemUsers, itemRecent,
                itemRate, itemAge, pairEvents, pairRate};
    }

    @Test
    void featuresOfATinyLogMatchHandComputedValues() {
        RankingFeatures features = RankingFeatures.of(tinyLog(true), 5 * DAY, CONFIG);
        // history: 4 events, 2 engaged -> global rate g = 0.5; prior strength m = 2
        assertEquals(0.5, features.globalRate(), 1e-12);
        // user a: 3 events, 1 engaged -> (1 + 2*0.5) / (3 + 2) = 0.4; last event day 2 -> 3 days before day 5
        // item x: users a, b; events 3, engaged 2 -> (2 + 1) / (3 + 2) = 0.6; first day 0 -> age 5;
        //         recent window [day 2, day 5): b's day-3 event -> 1
        // pair (a, x): 2 events, 1 engaged -> (1 + 2*0.4) / (2 + 2) = 0.45
        assertArrayEquals(row(0.7, 0.3, -1.5, Math.log1p(3), 0.4, 3, Math.log1p(2), Math.log1p(1), 0.6, 5, 2, 0.45),
                features.features("a", "x", 0.7, 0.3, -1.5), 1e-12);
        // item y: 1 event (a, day 2, viewed) -> rate (0 + 1) / (1 + 2) = 1/3, age 3, recent 1
        // pair (a, y): 1 event, 0 engaged -> (0 + 0.8) / (1 + 2) = 0.8/3
        assertArrayEquals(row(0, 0, 0, Math.log1p(3), 0.4, 3, Math.log1p(1), Math.log1p(1), 1.0 / 3, 3, 1, 0.8 / 3),
                features.features("a", "y", 0, 0, 0), 1e-12);
        // user b: 1 event, engaged -> (1 + 1) / (1 + 2) = 2/3, last day 3 -> 2 days
        // item z: only the event at the cut-off -> no history: rate g, age 0, no users
        // pair (b, z): no events -> (0 + 2 * 2/3) / (0 + 2) = 2/3
        assertArrayEquals(row(0, 0, 0, Math.log1p(1), 2.0 / 3, 2, 0, 0, 0.5, 0, 0, 2.0 / 3),
                features.features("b", "z", 0, 0, 0), 1e-12);
        // an unknown user: no events, rate g, -1 days; pair rate falls back to the user's rate g
        assertArrayEquals(row(0, 0, 0, 0, 0.5, -1, Math.log1p(2), Math.log1p(1), 0.6, 5, 0, 0.5),
                features.features("nobody", "x", 0, 0, 0), 1e-12);
        assertTrue(features.hasHistory("a"));
        assertFalse(features.hasHistory("nobody"));
        assertTrue(features.hasEvents("a", "y"));
        assertFalse(features.hasEvents("b", "z"), "the event at the cut-off is not history");
        assertEquals(2, features.historyItemCount("a"));
        assertEquals(1, features.historyItemCount("b"));
        assertEquals(0, features.historyItemCount("nobody"));
    }

    @Test
    void featuresUseOnlyEventsBeforeTheCutOff() {
        RankingFeatures withLabels = RankingFeatures.of(tinyLog(true), 5 * DAY, CONFIG);
        RankingFeatures withoutLabels = RankingFeatures.of(tinyLog(false), 5 * DAY, CONFIG);
        for (String user : new String[] {"a", "b", "nobody"}) {
            for (String item : new String[] {"x", "y", "z"}) {
                assertArrayEquals(withoutLabels.features(user, item, 0.1, 0.2, 0.3),
                        withLabels.features(user, item, 0.1, 0.2, 0.3), 0.0, user + "/" + item);
            }
        }
        // moving the cut-off past the later events does change them: the test can see a leak
        RankingFeatures later = RankingFeatures.of(tinyLog(true), 8 * DAY, CONFIG);
        assertEquals(3, later.features("a", "x", 0, 0, 0)[RankingFeature.PAIR_EVENTS.ordinal()]);
    }

    @Test
    void roundTripsThroughModelData() {
        RankingFeatures features = RankingFeatures.of(tinyLog(true), 5 * DAY, CONFIG);
        ModelData.Builder data = ModelData.builder("test", 1);
        features.writeTo(data, "f/");
        RankingFeatures copy = RankingFeatures.readFrom(data.build(), "f/");
        for (String user : new String[] {"a", "b", "nobody"}) {
            for (String item : new String[] {"x", "y", "z", "w"}) {
                assertArrayEquals(features.features(user, item, 1, 2, 3), copy.features(user, item, 1, 2, 3), 0.0);
            }
        }
        assertEquals(features.referenceMillis(), copy.referenceMillis());
    }

    @Test
    void rejectsInconsistentModelData() {
        ModelData.Builder data = ModelData.builder("test", 1);
        RankingFeatures.of(tinyLog(true), 5 * DAY, CONFIG).writeTo(data, "f/");
        ModelData good = data.build();
        ModelData.Builder bad = ModelData.builder("test", 1);
        for (var property : good.properties().entrySet()) {
            bad.property(property.getKey(), property.getValue());
        }
        for (String name : good.sectionNames()) {
            switch (name) {
                case "f/users", "f/items" -> bad.putStrings(name, good.strings(name).toArray(String[]::new));
                case "f/userLastMillis", "f/itemFirstMillis", "f/pairKeys" -> bad.putLongs(name, good.longs(name));
                case "f/itemUsers" -> bad.putInts(name, new int[1]);
                default -> bad.putInts(name, good.ints(name));
            }
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RankingFeatures.readFrom(bad.build(), "f/"));
        assertEquals("ranking feature sections have inconsistent lengths", e.getMessage());
    }

    @Test
    void outputBufferMustHoldEveryFeature() {
        RankingFeatures features = RankingFeatures.of(tinyLog(true), 5 * DAY, CONFIG);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> features.fill("a", "x", 0, 0, 0, new double[3]));
        assertEquals("out must hold 12 features, got length 3", e.getMessage());
    }

    @Test
    void configRejectsBadValuesByName() {
        assertEquals("priorStrength must be finite and at least 0, got -1.0", assertThrows(
                IllegalArgumentException.class, () -> new FeatureConfig(Set.of("engaged"), -1, 7)).getMessage());
        assertEquals("recentDays must be at least 1, got 0", assertThrows(
                IllegalArgumentException.class, () -> new FeatureConfig(Set.of("engaged"), 5, 0)).getMessage());
        assertEquals("engagedEventTypes must name at least one event type, got []", assertThrows(
                IllegalArgumentException.class, () -> new FeatureConfig(Set.of(), 5, 7)).getMessage());
    }
}
