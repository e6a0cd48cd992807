package dev.recommender.benchmarks;

import dev.recommender.core.TrainingData;
import dev.recommender.core.data.EventLog;
import dev.recommender.core.data.Interactions;
import dev.recommender.core.data.Signal;
import dev.recommender.core.mf.ExposureRate;
import dev.recommender.core.retrieval.ImplicitAls;
import dev.recommender.core.sample.SampleEvents;

import java.util.Locale;

/**
 * Fit time and a fingerprint of the fitted model, for kernel changes that must keep every model bit for bit:
 * fits {@link ExposureRate} and {@link ImplicitAls} with their defaults (2 threads) on a generated log several
 * times and prints, per fit, the wall time and a hash of the model (the exposure-rate scores of every user for
 * every seventh item; the ALS vectors of every third user). Run it on the commit before and after a change:
 * equal hashes mean the same model, and the times after the JIT has warmed up (the later repetitions) compare the
 * speed. Not a JMH benchmark on purpose: one fit takes seconds, and the fingerprint is the point.
 *
 * <p>Usage: {@code java --add-modules jdk.incubator.vector -cp benchmarks/target/recommender-benchmarks.jar
 * dev.recommender.benchmarks.FitFingerprint users items events repetitions} (e.g. {@code 20000 2000 1500000 3},
 * issue 9's training shape; the log's seed is 3).
 */
public final class FitFingerprint {
    private FitFingerprint() {
    }

    /**
     * Runs the fits.
     *
     * @param args users, items, events, repetitions
     */
    public static void main(String[] args) {
        if (args.length != 4) {
            System.err.println("usage: FitFingerprint users items events repetitions");
            System.exit(2);
        }
        int users = Integer.parseInt(args[0]);
        int items = Integer.parseInt(args[1]);
        int events = Integer.parseInt(args[2]);
        int repetitions = Integer.parseInt(args[3]);
        EventLog log = SampleEvents.of(SampleEvents.Config.defaults().withSize(users, items, events).withSeed(3))
                .generate();
        TrainingData data = TrainingData.of(log);
        Interactions rates = data.interactions(Signal.RATING);
        for (int rep = 1; rep <= repetitions; rep++) {
            long started = System.nanoTime();
            ExposureRate exposure = ExposureRate.Config.defaults().withThreads(2).fit(rates);
            double exposureSeconds = (System.nanoTime() - started) / 1e9;
            long hash = 1;
            for (int u = 0; u < rates.userCount(); u++) {
                for (int i = 0; i < rates.itemCount(); i += 7) {
                    hash = 31 * hash + Double.doubleToLongBits(exposure.score(rates.users().id(u),
                            rates.items().id(i)));
                }
            }
            print("exposure-rate", rep, exposureSeconds, hash);

            started = System.nanoTime();
            ImplicitAls als = ImplicitAls.Config.builder().threads(2).build().fit(data);
            double alsSeconds = (System.nanoTime() - started) / 1e9;
            hash = 1;
            for (int u = 0; u < log.users().size(); u += 3) {
                for (float v : als.userVector(log.users().id(u)).orElse(new float[0])) {
                    hash = 31 * hash + Float.floatToIntBits(v);
                }
            }
            print("implicit-als", rep, alsSeconds, hash);
        }
    }

    private static void print(String model, int rep, double seconds, long hash) {
        System.out.printf(Locale.ROOT, "%-14s fit %d: %6.2f s, model hash %016x%n", model, rep, seconds, hash);
    }
}
