package dev.recommender.core.retrieval;

import dev.recommender.core.Recommender;
import dev.recommender.core.data.Interactions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * Protocol B of docs/protocols.md (per-user 20% holdout on MovieLens latest-small, binarised training data,
 * top-10 over all training items minus the user's own), implemented here until recommender-eval lands:
 * one {@code Random(42)}, users ascending by numeric id, each user's items sorted by numeric id then
 * {@code Collections.shuffle}d, the first {@code max(1, round(0.2 n))} in test for users with {@code n >= 5}.
 */
final class MovieLensProtocolB {
    final Interactions training;
    final Map<String, Set<String>> test;

    private MovieLensProtocolB(Interactions training, Map<String, Set<String>> test) {
        this.training = training;
        this.test = test;
    }

    /** Metrics at 10 averaged over users with test items. */
    record Metrics(double ndcg, double precision, double recall, double hitRate, double coverage) {
        @Override
        public String toString() {
            return String.format("NDCG@10 %.4f  P@10 %.4f  R@10 %.4f  HR@10 %.4f  Cov@10 %.4f", ndcg, precision,
                    recall, hitRate, coverage);
        }
    }

    static MovieLensProtocolB load(Path ratingsCsv) {
        TreeMap<Long, List<Long>> byUser = new TreeMap<>();
        try {
            List<String> lines = Files.readAllLines(ratingsCsv);
            for (int k = 1; k < lines.size(); k++) {
                String line = lines.get(k).strip();
                if (line.isEmpty()) {
                    continue;
                }
                String[] fields = line.split(",");
                byUser.computeIfAbsent(Long.parseLong(fields[0]), u -> new ArrayList<>()).add(Long.parseLong(fields[1]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return split(byUser, 42);
    }

    /**
     * The same per-user rule applied to this split's training side with another seed: a validation split that
     * never sees the test pairs (docs/protocols.md's EASE reference uses seed 4242).
     */
    MovieLensProtocolB validation(long seed) {
        TreeMap<Long, List<Long>> byUser = new TreeMap<>();
        for (int u = 0; u < training.userCount(); u++) {
            List<Long> items = new ArrayList<>();
            for (int e = training.userStart(u); e < training.userEnd(u); e++) {
                items.add(Long.parseLong(training.items().id(training.itemAt(e))));
            }
            byUser.put(Long.parseLong(training.users().id(u)), items);
        }
        return split(byUser, seed);
    }

    private static MovieLensProtocolB split(TreeMap<Long, List<Long>> byUser, long seed) {
        Random random = new Random(seed);
        Interactions.Builder builder = Interactions.builder();
        Map<String, Set<String>> test = new LinkedHashMap<>();
        for (var entry : byUser.entrySet()) {
            List<Long> items = entry.getValue();
            Collections.sort(items);
            Collections.shuffle(items, random);
            int n = items.size();
            int testCount = n >= 5 ? Math.max(1, (int) Math.round(0.2 * n)) : 0;
            String user = Long.toString(entry.getKey());
            Set<String> held = new HashSet<>();
            for (int k = 0; k < n; k++) {
                String item = Long.toString(items.get(k));
                if (k < testCount) {
                    held.add(item);
                } else {
                    builder.add(user, item, 1f);
                }
            }
            if (!held.isEmpty()) {
                test.put(user, held);
            }
        }
        return new MovieLensProtocolB(builder.build(), test);
    }

    Metrics evaluate(Recommender model) {
        double ndcg = 0;
        double precision = 0;
        double recall = 0;
        double hits = 0;
        Set<String> recommended = new HashSet<>();
        int users = 0;
        for (var entry : test.entrySet()) {
            Set<String> relevant = entry.getValue();
            List<String> items = model.recommend(entry.getKey(), 10).itemIds();
            recommended.addAll(items);
            double dcg = 0;
            int hit = 0;
            for (int rank = 1; rank <= items.size(); rank++) {
                if (relevant.contains(items.get(rank - 1))) {
                    dcg += 1 / log2(rank + 1);
                    hit++;
                }
            }
            double idcg = 0;
            for (int rank = 1; rank <= Math.min(10, relevant.size()); rank++) {
                idcg += 1 / log2(rank + 1);
            }
            ndcg += dcg / idcg;
            precision += hit / 10.0;
            recall += (double) hit / relevant.size();
            hits += hit > 0 ? 1 : 0;
            users++;
        }
        return new Metrics(ndcg / users, precision / users, recall / users, hits / users,
                (double) recommended.size() / training.itemCount());
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
