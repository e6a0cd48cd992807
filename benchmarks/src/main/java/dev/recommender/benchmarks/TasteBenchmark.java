package dev.recommender.benchmarks;

import dev.recommender.core.Algorithm;
import dev.recommender.core.Recommendations;
import dev.recommender.core.data.Interactions;
import dev.recommender.taste.TasteAlgorithms;
import dev.recommender.taste.TasteAls;
import dev.recommender.taste.TasteAlsImplicit;
import dev.recommender.taste.TasteItemBased;
import dev.recommender.taste.TasteRecommender;
import dev.recommender.taste.TasteSgd;
import dev.recommender.taste.TasteUserBased;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * The Taste presets on MovieLens latest-small with the protocols of {@code docs/protocols.md}: fit time,
 * time to recommend 10 items to every training user (one thread), and quality. Rating presets use
 * fold 0 of protocol A (5-fold split from a {@code Random(42)} shuffle, 80/20: RMSE with unknown
 * pairs predicted as the training mean, clipped to [1, 5]); top-N presets use protocol B (per-user
 * 20% holdout, binarised training: P@10, R@10, NDCG@10 over users with test items).
 *
 * <p>Usage: {@code java -Xmx3g -cp benchmarks/target/recommender-benchmarks.jar
 * dev.recommender.benchmarks.TasteBenchmark dataDir [preset ...]}; presets default to all rows
 * below. Numbers are indicative: single runs on a shared machine.
 */
public final class TasteBenchmark {
    private static final PrintStream OUT = System.out;

    private TasteBenchmark() {
    }

    /** One row: a label, a configuration and whether it is judged by ratings or by top-N lists. */
    private record Row(String label, Algorithm<TasteRecommender> algorithm, boolean rating) {
    }

    /**
     * Runs the benchmark and prints a markdown table.
     *
     * @param args data directory, then optional row labels to run
     * @throws IOException if the MovieLens file cannot be read
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            OUT.println("usage: TasteBenchmark dataDir [row ...]");
            return;
        }
        Map<String, Row> rows = new LinkedHashMap<>();
        for (Row row : List.of(
                new Row("taste-sgd", TasteSgd.defaults(), true),
                new Row("taste-als", TasteAls.defaults(), true),
                new Row("taste-als stock 20/0.065", TasteAls.defaults().withFactors(20).withLambda(0.065)
                        .withRepairRatingOrder(false), true),
                new Row("taste-user", TasteUserBased.defaults(), true),
                new Row("taste-als-implicit", TasteAlsImplicit.defaults(), false),
                new Row("taste-user llr", TasteUserBased.defaults()
                        .withSimilarity(TasteUserBased.Similarity.LOG_LIKELIHOOD), false),
                new Row("taste-item sampling 1", TasteItemBased.defaults()
                        .withCandidates(TasteItemBased.Candidates.SAMPLING).withSamplingFactor(1), false),
                new Row("taste-item", TasteItemBased.defaults(), false))) {
            rows.put(row.label(), row);
        }
        List<String> wanted = args.length > 1 ? Arrays.asList(args).subList(1, args.length) : List.copyOf(rows.keySet());
        List<String[]> ratings = readRatings(BenchmarkSetup.movieLensRatings(args[0]));
        OUT.printf(Locale.ROOT, "java %s, %d processors, %d ratings; presets %s%n%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), ratings.size(), TasteAlgorithms.names());
        OUT.println("| preset | protocol | train pairs | fit s | recommend all users s | RMSE | P@10 | R@10 | NDCG@10 |");
        OUT.println("|---|---|---:|---:|---:|---:|---:|---:|---:|");
        Split ratingSplit = protocolA(ratings);
        Split topNSplit = protocolB(ratings);
        for (String label : wanted) {
            Row row = rows.get(label);
            if (row == null) {
                OUT.println("unknown row '" + label + "', rows are " + rows.keySet());
                continue;
            }
            Split split = row.rating() ? ratingSplit : topNSplit;
            long start = System.nanoTime();
            TasteRecommender model = row.algorithm().fit(dev.recommender.core.TrainingData.of(split.train()));
            double fitSeconds = (System.nanoTime() - start) / 1e9;
            start = System.nanoTime();
            Map<String, List<String>> lists = new LinkedHashMap<>();
            for (String user : split.train().users().ids()) {
                Recommendations top = model.recommend(user, 10);
                lists.put(user, top.itemIds());
            }
            double recommendSeconds = (System.nanoTime() - start) / 1e9;
            String quality = row.rating() ? rmse(model, split) + " | - | - | -" : "- | " + topN(lists, split);
            OUT.printf(Locale.ROOT, "| %s | %s | %d | %.2f | %.2f | %s |%n", label, row.rating() ? "A fold 0" : "B",
                    split.train().size(), fitSeconds, recommendSeconds, quality);
        }
    }

    /** Training interactions and the held-out (user, item, rating) rows. */
    private record Split(Interactions train, List<String[]> test) {
    }

    private static List<String[]> readRatings(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String[]> ratings = new ArrayList<>(lines.size());
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isBlank()) {
                ratings.add(line.strip().split(","));
            }
        }
        return ratings;
    }

    /** Protocol A fold 0: file order shuffled by {@code Random(42)}; positions p with p mod 5 = 0 are test. */
    private static Split protocolA(List<String[]> ratings) {
        List<Integer> permutation = new ArrayList<>(ratings.size());
        for (int k = 0; k < ratings.size(); k++) {
            permutation.add(k);
        }
        Collections.shuffle(permutation, new Random(42));
        Interactions.Builder train = Interactions.builder();
        List<String[]> test = new ArrayList<>();
        for (int p = 0; p < permutation.size(); p++) {
            String[] rating = ratings.get(permutation.get(p));
            if (p % 5 == 0) {
                test.add(rating);
            } else {
                train.add(rating[0], rating[1], Float.parseFloat(rating[2]));
            }
        }
        return new Split(train.build(), test);
    }

    /**
     * Protocol B: one {@code Random(42)}; users ascending; each user's ratings by item id, shuffled;
     * users with at least 5 ratings put the first {@code max(1, round(0.2 n))} in test; training
     * values are 1.
     */
    private static Split protocolB(List<String[]> ratings) {
        Map<Long, List<String[]>> byUser = new TreeMap<>();
        for (String[] rating : ratings) {
            byUser.computeIfAbsent(Long.parseLong(rating[0]), u -> new ArrayList<>()).add(rating);
        }
        Random random = new Random(42);
        Interactions.Builder train = Interactions.builder();
        List<String[]> test = new ArrayList<>();
        for (List<String[]> userRatings : byUser.values()) {
            userRatings.sort(Comparator.comparingLong(r -> Long.parseLong(r[1])));
            Collections.shuffle(userRatings, random);
            int testCount = userRatings.size() >= 5 ? (int) Math.max(1, Math.round(0.2 * userRatings.size())) : 0;
            for (int k = 0; k < userRatings.size(); k++) {
                String[] rating = userRatings.get(k);
                if (k < testCount) {
                    test.add(rating);
                } else {
                    train.add(rating[0], rating[1], 1f);
                }
            }
        }
        return new Split(train.build(), test);
    }

    private static String rmse(TasteRecommender model, Split split) {
        double squares = 0;
        for (String[] rating : split.test()) {
            double predicted = Math.max(1, Math.min(5, model.score(rating[0], rating[1])));
            double error = predicted - Double.parseDouble(rating[2]);
            squares += error * error;
        }
        return String.format(Locale.ROOT, "%.4f", Math.sqrt(squares / split.test().size()));
    }

    private static String topN(Map<String, List<String>> lists, Split split) {
        Map<String, Set<String>> relevant = new LinkedHashMap<>();
        for (String[] rating : split.test()) {
            relevant.computeIfAbsent(rating[0], u -> new HashSet<>()).add(rating[1]);
        }
        double precision = 0;
        double recall = 0;
        double ndcg = 0;
        for (Map.Entry<String, Set<String>> entry : relevant.entrySet()) {
            List<String> list = lists.getOrDefault(entry.getKey(), List.of());
            int hits = 0;
            double dcg = 0;
            for (int rank = 1; rank <= list.size(); rank++) {
                if (entry.getValue().contains(list.get(rank - 1))) {
                    hits++;
                    dcg += 1 / (Math.log(rank + 1) / Math.log(2));
                }
            }
            double idcg = 0;
            for (int rank = 1; rank <= Math.min(10, entry.getValue().size()); rank++) {
                idcg += 1 / (Math.log(rank + 1) / Math.log(2));
            }
            precision += hits / 10.0;
            recall += (double) hits / entry.getValue().size();
            ndcg += dcg / idcg;
        }
        int users = relevant.size();
        return String.format(Locale.ROOT, "%.4f | %.4f | %.4f", precision / users, recall / users, ndcg / users);
    }
}
