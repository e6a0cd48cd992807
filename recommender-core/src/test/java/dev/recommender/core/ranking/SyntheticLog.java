package dev.recommender.core.ranking;

import dev.recommender.core.data.EventLog;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seed-shaped synthetic event log with planted structure: users and items belong to one of
 * {@code groups} tastes; the chance that a showing is an engagement is
 * {@code quality(item) · propensity(user) · (1.6 if the tastes match else 0.5)}, capped at 0.95;
 * users are shown items of their own taste 70% of the time, re-shown items they saw before 30% of
 * the time; a third of the items are released during the log. Events are "viewed" or "engaged".
 */
public final class SyntheticLog {
    static final long DAY = 86_400_000L;
    static final long START = 1_640_995_200_000L; // 2022-01-01

    private SyntheticLog() {
    }

    public static EventLog generate(int users, int items, int days, int groups, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] quality = new double[items];
        int[] release = new int[items];
        for (int i = 0; i < items; i++) {
            quality[i] = 0.1 + 0.5 * random.nextDouble();
            release[i] = random.nextDouble() < 0.67 ? 0 : random.nextInt(days);
        }
        EventLog.Builder log = EventLog.builder().declareEventType("viewed").declareEventType("engaged");
        for (int u = 0; u < users; u++) {
            int group = random.nextInt(groups);
            double propensity = 0.5 + random.nextDouble();
            double activity = 0.1 + 0.5 * random.nextDouble();
            List<Integer> history = new ArrayList<>();
            for (int day = 0; day < days; day++) {
                if (random.nextDouble() >= activity) {
                    continue;
                }
                int showings = 1 + random.nextInt(4);
                for (int s = 0; s < showings; s++) {
                    int item;
                    if (!history.isEmpty() && random.nextDouble() < 0.3) {
                        item = history.get(random.nextInt(history.size()));
                    } else {
                        boolean own = random.nextDouble() < 0.7;
                        do {
                            item = own ? group + groups * random.nextInt((items - group + groups - 1) / groups)
                                    : random.nextInt(items);
                        } while (release[item] > day);
                        history.add(item);
                    }
                    double match = item % groups == group ? 1.6 : 0.5;
                    boolean engaged = random.nextDouble() < Math.min(0.95, quality[item] * propensity * match);
                    long time = START + day * DAY + random.nextLong(DAY);
                    log.add("u" + u, "i" + item, time, engaged ? "engaged" : "viewed", Float.NaN);
                }
            }
        }
        return log.build();
    }
}
