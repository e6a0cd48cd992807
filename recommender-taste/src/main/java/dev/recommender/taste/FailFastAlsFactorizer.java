package dev.recommender.taste;

import org.apache.mahout.cf.taste.common.TasteException;
import org.apache.mahout.cf.taste.impl.recommender.svd.ALSWRFactorizer;
import org.apache.mahout.cf.taste.impl.recommender.svd.Factorization;
import org.apache.mahout.cf.taste.model.DataModel;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Taste's {@link ALSWRFactorizer} with worker pools that cannot fail silently. Taste solves each user
 * and item row in a task of a fixed thread pool; a task that throws (say a missing class) is
 * printed to standard error by the default handler and its row keeps stale values, while the
 * factorization goes on. Here the pools record the first failure (and print nothing), and
 * {@link #factorize()} throws it. Workers are daemon threads named {@code taste-als-N}.
 *
 * <p>The Y'Y product of the implicit variant runs in a pool Taste creates itself, which this class
 * cannot reach. Not thread-safe; one instance per fit.
 */
final class FailFastAlsFactorizer extends ALSWRFactorizer {
    private final int threads;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final AtomicInteger threadNumber = new AtomicInteger();

    FailFastAlsFactorizer(DataModel dataModel, int factors, double lambda, int iterations, boolean implicit,
                          double alpha, int threads) throws TasteException {
        super(dataModel, factors, lambda, iterations, implicit, alpha, threads);
        this.threads = threads;
    }

    @Override
    protected ExecutorService createQueue() {
        ThreadFactory factory = task -> {
            Thread thread = new Thread(task, "taste-als-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            // the failure is recorded by afterExecute; keep the default handler from printing it
            thread.setUncaughtExceptionHandler((t, e) -> { });
            return thread;
        };
        return new ThreadPoolExecutor(threads, threads, 0L, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                factory) {
            @Override
            protected void afterExecute(Runnable task, Throwable thrown) {
                if (thrown != null) {
                    failure.compareAndSet(null, thrown);
                }
            }
        };
    }

    @Override
    public Factorization factorize() throws TasteException {
        Factorization factorization = super.factorize();
        Throwable thrown = failure.get();
        if (thrown != null) {
            throw new TasteRuntimeException("an ALS-WR worker failed", thrown);
        }
        return factorization;
    }
}
