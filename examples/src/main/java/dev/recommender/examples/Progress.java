package dev.recommender.examples;

import dev.recommender.core.EpochProgress;
import dev.recommender.core.TrainingListener;
import dev.recommender.eval.Evaluator;
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
     * The one epoch style of every command: on a terminal this bar advances and the epoch line goes to
     * DEBUG; otherwise (no terminal, {@code --json}, a log file) one INFO line per epoch. Each epoch is then
     * forwarded to {@code next}.
     *
     * @param next a further listener, e.g. a run record's
     * @return the combined listener
     */
    TrainingListener epochs(TrainingListener next) {
        return progress -> {
            if (bar != null) {
                LOG.debug("{}", describe(progress));
                step();
            } else {
                LOG.info("{}", describe(progress));
            }
            next.onEpoch(progress);
        };
    }

    /**
     * Epoch lines for work that fits several models in turn (the number of epochs is not known up front):
     * at most {@value #LINES_PER_FIT} INFO lines per fit (the first epoch, evenly spaced ones and the last),
     * the others at DEBUG, so a whole comparison stays readable; every epoch still reaches {@code next}
     * (the run record keeps the full curve).
     *
     * @param next a further listener
     * @return the combined listener
     */
    static TrainingListener epochLines(TrainingListener next) {
        return progress -> {
            if (shown(progress.epoch(), progress.totalEpochs())) {
                LOG.info("{}", describe(progress));
            } else {
                LOG.debug("{}", describe(progress));
            }
            next.onEpoch(progress);
        };
    }

    /**
     * Most INFO epoch lines per fit of {@link #epochLines}: the first epoch, the middle and the last, so that
     * a full {@code retrieval-ranking} run (seven fits) stays within 60 lines of output.
     */
    static final int LINES_PER_FIT = 3;

    /** Whether {@link #epochLines} shows this epoch at INFO: the first, every ⌈(total-1)/2⌉-th, and the last. */
    static boolean shown(int epoch, int total) {
        int step = Math.max(1, (total + LINES_PER_FIT - 2) / (LINES_PER_FIT - 1));
        return epoch == 1 || epoch >= total || epoch % step == 0;
    }

    /** One line describing an epoch, e.g. {@code "svd epoch 3/20: loss 0.8123 (1.2 s)"}; 4 significant digits. */
    static String describe(EpochProgress progress) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%s epoch %d/%d: loss %s (%.1f s)",
                progress.algorithm(), progress.epoch(), progress.totalEpochs(), Evaluator.rounded(progress.loss()),
                seconds(progress.elapsed())));
        new TreeMap<>(progress.metrics()).forEach((name, value) ->
                line.append(", ").append(name).append(' ').append(Evaluator.rounded(value)));
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
