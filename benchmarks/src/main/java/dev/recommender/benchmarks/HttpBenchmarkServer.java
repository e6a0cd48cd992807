package dev.recommender.benchmarks;

import dev.recommender.core.data.Interactions;
import dev.recommender.core.io.ModelStore;
import dev.recommender.core.mf.Svd;
import dev.recommender.examples.serve.ModelHolder;
import dev.recommender.examples.serve.ServeCommand;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Server side of the HTTP load benchmark ({@code benchmarks/http/run-wrk.sh}): fits an
 * {@link Svd} ({@link Svd.Config#forEngagementRate()}: 32 factors) on a seed-shaped synthetic log
 * (7,252 users, 583 items, about 27 distinct items per user, engagement rates in [0, 1]), saves it as
 * {@code DIR/model.bin}, writes the user ids to {@code DIR/users.txt} for the load generator, and
 * serves the directory with the {@code serve} command until the process is killed. Each request thus
 * ranks the whole 583-item catalog (583 × 32 multiply-adds plus a top-10 heap).
 *
 * <p>Arguments: {@code DIR PORT [THREADS]}. Deterministic: seed 42. Not a test.
 */
public final class HttpBenchmarkServer {
    private static final int USERS = 7252;
    private static final int ITEMS = 583;
    private static final int DRAWS_PER_USER = 28;

    private HttpBenchmarkServer() {
    }

    /**
     * Writes the model and serves it.
     *
     * @param args model directory, port, optional server thread count
     * @throws IOException if the model cannot be written
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: HttpBenchmarkServer DIR PORT [THREADS]");
            System.exit(2);
        }
        Path directory = Path.of(args[0]);
        Files.createDirectories(directory);
        SplittableRandom random = new SplittableRandom(42);
        Interactions.Builder training = Interactions.builder();
        boolean[] taken = new boolean[ITEMS];
        try (PrintWriter users = new PrintWriter(Files.newBufferedWriter(directory.resolve("users.txt"),
                StandardCharsets.UTF_8))) {
            for (int u = 0; u < USERS; u++) {
                String user = String.format("%010x", 0x1000000L + u);
                users.println(user);
                Arrays.fill(taken, false);
                taken[u % ITEMS] = true; // every item is someone's, so the catalog has all 583
                for (int d = 1; d < DRAWS_PER_USER; d++) {
                    taken[random.nextInt(ITEMS)] = true;
                }
                for (int item = 0; item < ITEMS; item++) {
                    if (taken[item]) {
                        // engagement rate: an item-level propensity plus noise, clipped to [0, 1]
                        double rate = (item % 10) / 10.0 + 0.3 * random.nextGaussian();
                        training.add(user, String.format("%010x", 0x9000000L + item),
                                (float) Math.max(0, Math.min(1, rate)));
                    }
                }
            }
        }
        Interactions interactions = training.build();
        long start = System.nanoTime();
        Svd model = Svd.Config.forEngagementRate().fit(interactions);
        System.out.printf("fitted svd on %d users x %d items, %d pairs in %.1f s%n", interactions.userCount(),
                interactions.itemCount(), interactions.size(), (System.nanoTime() - start) / 1e9);
        ModelStore.save(model, directory.resolve(ModelHolder.MODEL_FILE_NAME));
        String[] serveArgs = args.length > 2
                ? new String[] {"--models", directory.toString(), "--port", args[1], "--threads", args[2]}
                : new String[] {"--models", directory.toString(), "--port", args[1]};
        int exit = new CommandLine(new ServeCommand()).execute(serveArgs);
        System.exit(exit);
    }
}
