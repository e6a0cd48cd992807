package dev.recommender.examples;

import dev.recommender.core.data.EventLog;
import dev.recommender.core.data.Interactions;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The exploratory summary of an event log (the proof of concept's EDA): counts of events, users, items,
 * event types and (user, item) pairs; activity per user, per item and per pair; sparsity; time span;
 * and the distribution of the per-pair value (the engagement rate for the seed log, the rating for
 * MovieLens).
 *
 * <p>Computed in O(events + pairs log pairs) with primitive counters. Immutable.
 *
 * @param events         number of events
 * @param users          number of users with at least one event
 * @param items          number of items with at least one event
 * @param eventTypes     events per event type, in the log's type order
 * @param pairs          number of distinct (user, item) pairs
 * @param density        pairs / (users * items)
 * @param sparsity       1 - density
 * @param eventsPerUser  events per user
 * @param eventsPerItem  events per item
 * @param eventsPerPair  events per pair (the seed's shown_count)
 * @param firstEvent     time of the first event (ISO-8601 UTC)
 * @param lastEvent      time of the last event (ISO-8601 UTC)
 * @param spanDays       days between first and last event
 * @param valueName      what the per-pair value is, e.g. {@code "engaged_pct"}
 * @param value          distribution of the per-pair value
 * @param pairsAtMinimum pairs whose value equals the minimum (e.g. engaged_pct 0)
 * @param pairsAtMaximum pairs whose value equals the maximum (e.g. engaged_pct 1)
 */
public record Summary(long events, int users, int items, Map<String, Long> eventTypes, int pairs,
                      double density, double sparsity, Quantiles eventsPerUser, Quantiles eventsPerItem,
                      Quantiles eventsPerPair, String firstEvent, String lastEvent, double spanDays,
                      String valueName, Quantiles value, long pairsAtMinimum, long pairsAtMaximum) {

    /** Copies the event type counts. */
    public Summary {
        eventTypes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(eventTypes));
    }

    /**
     * Summarises a log and its aggregated pairs.
     *
     * @param log       the events
     * @param pairs     the log aggregated per (user, item) pair
     * @param valueName what the pair value means, e.g. {@code "engaged_pct"} or {@code "rating"}
     * @return the summary
     */
    public static Summary of(EventLog log, Interactions pairs, String valueName) {
        int[] perUser = new int[log.users().size()];
        int[] perItem = new int[log.items().size()];
        long[] perType = new long[log.eventTypes().size()];
        for (int e = 0; e < log.size(); e++) {
            perUser[log.userIndex(e)]++;
            perItem[log.itemIndex(e)]++;
            perType[log.eventType(e)]++;
        }
        int[] activeUsers = nonZero(perUser);
        int[] activeItems = nonZero(perItem);
        Map<String, Long> types = new LinkedHashMap<>();
        for (int t = 0; t < perType.length; t++) {
            if (perType[t] > 0) {
                types.put(log.eventTypes().id(t), perType[t]);
            }
        }
        int n = pairs.size();
        int[] perPair = new int[n];
        double[] values = new double[n];
        for (int p = 0; p < n; p++) {
            perPair[p] = pairs.eventCount(p);
            values[p] = pairs.value(p);
        }
        Quantiles value = Quantiles.of(values);
        long atMin = 0;
        long atMax = 0;
        for (double v : values) {
            atMin += v == value.min() ? 1 : 0;
            atMax += v == value.max() ? 1 : 0;
        }
        double density = activeUsers.length == 0 || activeItems.length == 0 ? 0
                : (double) n / ((double) activeUsers.length * activeItems.length);
        long first = log.size() == 0 ? 0 : log.minTimeMillis();
        long last = log.size() == 0 ? 0 : log.maxTimeMillis();
        return new Summary(log.size(), activeUsers.length, activeItems.length, types, n, density, 1 - density,
                Quantiles.of(activeUsers), Quantiles.of(activeItems), Quantiles.of(perPair),
                Instant.ofEpochMilli(first).toString(), Instant.ofEpochMilli(last).toString(),
                (last - first) / 86_400_000.0, valueName, value, atMin, atMax);
    }

    private static int[] nonZero(int[] counts) {
        int kept = 0;
        for (int c : counts) {
            kept += c > 0 ? 1 : 0;
        }
        int[] result = new int[kept];
        int k = 0;
        for (int c : counts) {
            if (c > 0) {
                result[k++] = c;
            }
        }
        return result;
    }

    /** The summary as a markdown document for people. */
    public String toMarkdown() {
        StringBuilder out = new StringBuilder();
        out.append("| quantity | value |\n|---|---:|\n");
        row(out, "events", String.format(Locale.ROOT, "%,d", events));
        row(out, "users", String.format(Locale.ROOT, "%,d", users));
        row(out, "items", String.format(Locale.ROOT, "%,d", items));
        eventTypes.forEach((type, count) -> row(out, "event type `" + type + "`",
                String.format(Locale.ROOT, "%,d (%.1f%%)", count, 100.0 * count / Math.max(1, events))));
        row(out, "(user, item) pairs", String.format(Locale.ROOT, "%,d", pairs));
        row(out, "density", String.format(Locale.ROOT, "%.2f%%", 100 * density));
        row(out, "sparsity", String.format(Locale.ROOT, "%.2f%%", 100 * sparsity));
        row(out, "first event", firstEvent);
        row(out, "last event", lastEvent);
        row(out, "time span", String.format(Locale.ROOT, "%.1f days", spanDays));
        row(out, "pairs with " + valueName + " = min", String.format(Locale.ROOT, "%,d", pairsAtMinimum));
        row(out, "pairs with " + valueName + " = max", String.format(Locale.ROOT, "%,d", pairsAtMaximum));
        out.append("\n| distribution | count | min | q1 | median | q3 | max | mean |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        distribution(out, "events per user", eventsPerUser);
        distribution(out, "events per item", eventsPerItem);
        distribution(out, "events per pair", eventsPerPair);
        distribution(out, valueName + " per pair", value);
        return out.toString();
    }

    private static void row(StringBuilder out, String name, String value) {
        out.append("| ").append(name).append(" | ").append(value).append(" |\n");
    }

    private static void distribution(StringBuilder out, String name, Quantiles q) {
        out.append(String.format(Locale.ROOT, "| %s | %,d | %s | %s | %s | %s | %s | %s |\n", name, q.count(),
                number(q.min()), number(q.q1()), number(q.median()), number(q.q3()), number(q.max()),
                number(q.mean())));
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e12 ? String.format(Locale.ROOT, "%.0f", value)
                : String.format(Locale.ROOT, "%.4f", value);
    }
}
