package dev.recommender.core.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs a task over {@code [0, n)} split into contiguous ranges on a pool and waits for all of them:
 * the one piece of thread plumbing the trainers and the evaluator share. Ranges are fixed by {@code n} and the
 * chunk count, so which rows a chunk gets never depends on scheduling.
 */
public final class ParallelRanges {
    /** Work on the rows {@code [from, to)}. */
    @FunctionalInterface
    public interface RangeTask {
        /**
         * Processes rows {@code [from, to)}.
         *
         * @param from first row
         * @param to   one past the last row
         */
        void run(int from, int to);
    }

    private ParallelRanges() {
    }

    /**
     * A fixed pool of daemon worker threads for one fit, or null (run inline) for a single thread; the
     * caller shuts it down.
     *
     * @param threads    worker count
     * @param threadName the workers' name, e.g. "ease-worker"
     * @return the pool, or null when {@code threads <= 1}
     */
    public static ExecutorService newPool(int threads, String threadName) {
        return threads > 1 ? Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        }) : null;
    }

    /**
     * Runs {@code task} over {@code [0, n)}: inline when {@code pool} is null, else as {@code chunks}
     * contiguous ranges on the pool.
     *
     * @param model names the work in the messages of the exceptions, e.g. "implicit ALS" or "evaluation"
     * @throws IllegalStateException if interrupted ("interrupted: " + model); a range's unchecked
     *                               failure is rethrown as it is, a checked one wrapped (model +
     *                               " worker failed", with the failure as cause)
     */
    public static void run(ExecutorService pool, int n, int chunks, RangeTask task, String model) {
        if (pool == null) {
            task.run(0, n);
            return;
        }
        List<Callable<Void>> tasks = new ArrayList<>(chunks);
        for (int chunk = 0; chunk < chunks; chunk++) {
            int from = (int) ((long) n * chunk / chunks);
            int to = (int) ((long) n * (chunk + 1) / chunks);
            tasks.add(() -> {
                task.run(from, to);
                return null;
            });
        }
        List<Future<Void>> futures;
        try {
            futures = pool.invokeAll(tasks);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + model, e);
        }
        for (Future<Void> future : futures) {
            join(future, model);
        }
    }

    /**
     * Waits for a task's result.
     *
     * @param model names the work in the messages of the exceptions, as in {@link #run}
     * @throws IllegalStateException if interrupted ("interrupted: " + model); the task's unchecked failure is
     *                               rethrown as it is, a checked one wrapped (model + " worker failed", with the
     *                               failure as cause)
     */
    public static <T> T join(Future<T> future, String model) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + model, e);
        } catch (ExecutionException e) {
            // the worker's own failure reaches the caller unchanged; checked ones are wrapped
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(model + " worker failed", cause);
        }
    }
}
