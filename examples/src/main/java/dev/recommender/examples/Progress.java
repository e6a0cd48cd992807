package dev.recommender.examples;

import dev.recommender.core.EpochProgress;
import dev.recommender.core.TrainingListener;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.TreeMap;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A progress bar on standard error for long work, shown only when the tool runs in a terminal (and not
 * with {@code --json}); otherwise a no-op, so logs and captured output stay clean.
 *
 * <p>Thread safety: {@link #step()} may be called from several threads (the underlying bar is
 * synchronised); open and close it on one thread.
 */
final class Progress implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Progress.class);

    private final ProgressBar bar;

    private Progress(ProgressBar bar) {
        this.bar = bar;
    }

    /**
     * Starts a progress bar if {@code enabled} and standard error is a terminal.
     *
     * @param task    what is being done, e.g. {@code "svd"}
     * @param total   number of steps
     * @param enabled false to never draw (e.g. with {@code --json})
     * @return the bar, or a no-op
     */
    static Progress start(String task, long total, boolean enabled) {
        if (!enabled || System.console() == null) {
            return new Progress(null);
        }
        ProgressBar bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250)
                .setConsumer(new ConsoleProgressBarConsumer(new PrintStream(System.err, true)))
                .build();
        return new Progress(bar);
    }

    /** Advances by one step. */
    void step() {
        if (bar != null) {
            bar.step();
        }
    }

    /**
     * A training listener that logs every epoch (loss, elapsed time, extra metrics) at INFO, advances this
     * bar and forwards the epoch to {@code next}.
     *
     * @param next a further listener, e.g. a run record's
     * @return the combined listener
     */
    TrainingListener epochs(TrainingListener next) {
        return progress -> {
            LOG.info("{}", describe(progress));
            step();
            next.onEpoch(progress);
        };
    }

    /** One line describing an epoch, e.g. {@code "svd epoch 3/20: loss 0.812345 (1.2 s)"}. */
    static String describe(EpochProgress progress) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%s epoch %d/%d: loss %.6f (%.1f s)",
                progress.algorithm(), progress.epoch(), progress.totalEpochs(), progress.loss(),
                seconds(progress.elapsed())));
        new TreeMap<>(progress.metrics()).forEach((name, value) ->
                line.append(String.format(Locale.ROOT, ", %s %.6f", name, value)));
        return line.toString();
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
