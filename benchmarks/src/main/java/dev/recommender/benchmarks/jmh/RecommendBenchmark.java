package dev.recommender.benchmarks.jmh;

import dev.recommender.core.ranking.RetrievalRanking;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.recommender.core.Recommendations;
import dev.recommender.core.Recommender;
import dev.recommender.core.data.EventLog;
import dev.recommender.core.sample.SampleEvents;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * {@code recommend(user, 10)} for users the model knows, on the built-in sample log (7,252 users,
 * 583 items, 484,077 events; {@link SampleEvents#defaults()}), one model per {@link #model} value,
 * fitted in the trial's set-up with the CLI's defaults ({@link SampleModels}). Sampled latency:
 * JMH reports the mean and the percentiles (p0.50, p0.99) of single calls.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx3g",
        "-Dorg.slf4j.simpleLogger.log.smile=warn"})
public class RecommendBenchmark {
    /** Which model answers. */
    @Param({"svd", "als", "two-tower", "retrieval-ranking"})
    public String model;

    /**
     * Candidates of the two-stage model per request: {@code default} (the library's and the CLI's
     * default), {@code all} or a number; the same fitted model answers with each count
     * ({@link RetrievalRanking#withCandidates}). Ignored by the other models.
     */
    @Param({"default"})
    public String candidates;

    /** Fitted models by name, kept across trials of one JVM (run with {@code -f 0} to fit each once). */
    private static final Map<String, Recommender> FITTED = new ConcurrentHashMap<>();

    private Recommender recommender;
    private String[] users;

    /** Fits the model on the sample and picks 1,024 users it knows, in a seeded random order. */
    @Setup(Level.Trial)
    public void fit() {
        EventLog log = SampleEvents.defaults().generate();
        recommender = FITTED.computeIfAbsent(model, name -> SampleModels.fit(name, log, 42L));
        if (recommender instanceof RetrievalRanking twoStage && !candidates.equals("default")) {
            recommender = twoStage.withCandidates(candidates.equals("all") ? log.items().size()
                    : Integer.parseInt(candidates));
        }
        List<String> known = new ArrayList<>();
        for (int u = 0; u < log.users().size(); u++) {
            String user = log.users().id(u);
            if (recommender.knowsUser(user)) {
                known.add(user);
            }
        }
        if (known.isEmpty()) {
            throw new IllegalStateException(model + " knows no user of the sample");
        }
        SplittableRandom random = new SplittableRandom(7);
        users = new String[1024];
        for (int k = 0; k < users.length; k++) {
            users[k] = known.get(random.nextInt(known.size()));
        }
    }

    /** Per-thread position in the user list. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;
    }

    /** One top-10 request for the next known user. */
    @Benchmark
    public Recommendations recommendTop10(Cursor cursor) {
        String user = users[cursor.next++ & (users.length - 1)];
        return recommender.recommend(user, 10);
    }
}
