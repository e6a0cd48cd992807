package dev.recommender.examples.serve;

import dev.recommender.core.SeenItems;
import dev.recommender.core.data.Interactions;
import dev.recommender.core.io.ModelStore;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Benchmark launcher (not a test) used by {@code benchmarks/http/run-wrk.sh}: writes a seed-shaped
 * model (7,252 users, 583 items, about 27 seen items per user, 32 factors scored per request) to a
 * directory, writes the user ids to {@code users.txt} for the load generator, and serves the directory
 * through {@link ServeCommand} until killed.
 *
 * <p>Arguments: {@code MODEL_DIR PORT [THREADS]}. Deterministic: seed 42.
 */
public final class HttpBenchmarkServer {
    private static final int USERS = 7252;
    private static final int ITEMS = 583;
    private static final int SEEN_PER_USER = 27;
    private static final int FACTORS = 32;

    private HttpBenchmarkServer() {
    }

    /**
     * Writes the model and serves it.
     *
     * @param args model directory, port, optional thread count
     * @throws IOException if the model cannot be written or served
     */
    public static void main(String[] args) throws IOException {
        Path directory = Path.of(args[0]);
        Files.createDirectories(directory);
        SplittableRandom random = new SplittableRandom(42);
        Interactions.Builder training = Interactions.builder();
        try (PrintWriter users = new PrintWriter(Files.newBufferedWriter(directory.resolve("users.txt"),
                StandardCharsets.UTF_8))) {
            boolean[] taken = new boolean[ITEMS];
            for (int u = 0; u < USERS; u++) {
                String user = String.format("%010x", 1_000_000L + u);
                users.println(user);
                java.util.Arrays.fill(taken, false);
                // user u sees item u mod 583 (so every item is in the catalog) and random others
                taken[u % ITEMS] = true;
                for (int s = 1; s < SEEN_PER_USER; s++) {
                    taken[random.nextInt(ITEMS)] = true;
                }
                for (int item = 0; item < ITEMS; item++) {
                    if (taken[item]) {
                        training.add(user, String.format("%010x", 9_000_000L + item), 1f);
                    }
                }
            }
        }
        Interactions interactions = training.build();
        SeenItems seen = SeenItems.of(interactions);
        float[] userFactors = new float[seen.users().size() * FACTORS];
        float[] itemFactors = new float[seen.items().size() * FACTORS];
        for (int i = 0; i < userFactors.length; i++) {
            userFactors[i] = (float) random.nextGaussian() * 0.3f;
        }
        for (int i = 0; i < itemFactors.length; i++) {
            itemFactors[i] = (float) random.nextGaussian() * 0.3f;
        }
        ModelStore.save(new FactorRecommender(seen, FACTORS, userFactors, itemFactors),
                directory.resolve(ModelHolder.MODEL_FILE_NAME));
        String[] serveArgs = args.length > 2
                ? new String[] {"--models", directory.toString(), "--port", args[1], "--threads", args[2]}
                : new String[] {"--models", directory.toString(), "--port", args[1]};
        new picocli.CommandLine(new ServeCommand()).execute(serveArgs);
    }
}
