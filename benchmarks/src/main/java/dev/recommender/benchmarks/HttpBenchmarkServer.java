package dev.recommender.benchmarks;

import dev.recommender.core.data.EngagementRate;
import dev.recommender.core.data.EventLog;
import dev.recommender.core.data.Interactions;
import dev.recommender.core.io.ModelStore;
import dev.recommender.core.mf.Svd;
import dev.recommender.core.sample.SampleEvents;
import dev.recommender.server.ModelHolder;
import dev.recommender.examples.serve.ServeCommand;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Server side of the HTTP load benchmark ({@code benchmarks/http/run-wrk.sh}): generates the built-in
 * seed-shaped sample log ({@link SampleEvents#defaults()}: 7,252 users, 583 items, 484,077 events),
 * aggregates it to engagement rates ({@link EngagementRate#seed()}), fits an {@link Svd}
 * ({@link Svd.Config#forEngagementRate()}: 32 factors), saves it as {@code DIR/model.bin}, writes the
 * user ids to {@code DIR/users.txt} for the load generator, and serves the directory with the
 * {@code serve} command until the process is killed. Each request thus ranks the whole 583-item catalog
 * (583 x 32 multiply-adds, seen items excluded, a top-k heap).
 *
 * <p>Arguments: {@code DIR PORT [THREADS]}. Deterministic (the sample's and the model's seed 42). Not a test.
 */
public final class HttpBenchmarkServer {
    private HttpBenchmarkServer() {
    }

    /**
     * Writes the model and serves it.
     *
     * @param args model directory, port, then any further {@code serve} options (e.g. {@code --threads 4},
     *             {@code --offload-requests})
     * @throws IOException if the model cannot be written
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: HttpBenchmarkServer DIR PORT [serve options]");
            System.exit(2);
        }
        Path directory = Path.of(args[0]);
        Files.createDirectories(directory);
        long start = System.nanoTime();
        EventLog events = SampleEvents.defaults().generate();
        Interactions interactions = EngagementRate.seed().aggregate(events);
        Svd model = Svd.Config.forEngagementRate().fit(interactions);
        System.out.printf("sample log: %d events; fitted svd on %d users x %d items, %d pairs in %.1f s%n",
                events.size(), interactions.userCount(), interactions.itemCount(), interactions.size(),
                (System.nanoTime() - start) / 1e9);
        ModelStore.save(model, directory.resolve(ModelHolder.MODEL_FILE_NAME));
        Files.write(directory.resolve("users.txt"), interactions.users().ids(), StandardCharsets.UTF_8);
        List<String> serveArgs = new ArrayList<>(List.of("--model-dir", directory.toString(), "--port", args[1]));
        serveArgs.addAll(Arrays.asList(args).subList(2, args.length));
        int exit = new CommandLine(new ServeCommand()).execute(serveArgs.toArray(String[]::new));
        System.exit(exit);
    }
}
