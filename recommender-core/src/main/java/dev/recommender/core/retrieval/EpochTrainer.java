package dev.recommender.core.retrieval;

import dev.recommender.core.EpochProgress;
import dev.recommender.core.TrainingListener;
import dev.recommender.core.data.Interactions;
import org.slf4j.Logger;

import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What one fit of an embedding model ({@link ImplicitAlsTrainer}, {@link TwoTowerTrainer}) shares: the
 * training interactions and their shape, the progress listener, the optional held-out validation bound to
 * the training numbering, and the end-of-epoch report (debug log, held-out metrics, listener). Used once,
 * by one thread.
 */
abstract class EpochTrainer {
    final Interactions training;
    final TrainingListener listener;
    /** Embedding dimension. */
    final int d;
    final int users;
    final int items;
    private final Logger log;
    /** Per-epoch accuracy on held-out pairs, or null when not asked for. */
    private final EpochValidation.Bound validation;

    /**
     * Checks the training data and binds the validation to its numbering.
     *
     * @param training   the training interactions
     * @param dimensions the embedding dimension
     * @param listener   receives one report per epoch
     * @param validation held-out pairs to score after every epoch, or null
     * @param log        where the per-epoch debug lines go
     * @throws IllegalArgumentException if the training interactions are empty
     */
    EpochTrainer(Interactions training, int dimensions, TrainingListener listener, EpochValidation validation,
                 Logger log) {
        if (training.size() == 0) {
            throw new IllegalArgumentException("training interactions are empty");
        }
        this.validation = validation == null ? null : validation.bind(training);
        this.training = training;
        this.listener = listener;
        this.log = log;
        this.d = dimensions;
        this.users = training.userCount();
        this.items = training.itemCount();
    }

    /**
     * Logs a finished epoch, scores the current vectors on the held-out pairs when a validation was given and
     * reports both to the listener.
     *
     * @param model       the model's name in the report
     * @param label       how the log calls an epoch, e.g. {@code "two-tower epoch"}
     * @param epoch       the epoch just finished, from 1
     * @param epochs      the number of epochs
     * @param loss        the epoch's training loss
     * @param started     {@link System#nanoTime()} at the start of training
     * @param userVectors the current serving user vectors (asked for only with a validation)
     * @param itemVectors the current item vectors
     */
    final void reportEpoch(String model, String label, int epoch, int epochs, double loss, long started,
                           Supplier<float[]> userVectors, float[] itemVectors) {
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        log.debug("{} {}/{}: loss {} ({} ms)", label, epoch, epochs, loss, elapsed.toMillis());
        Map<String, Double> metrics = Map.of();
        if (validation != null) {
            metrics = validation.evaluate(userVectors.get(), itemVectors, d);
            log.debug("{} {}: {}", label, epoch, metrics);
        }
        listener.onEpoch(new EpochProgress(model, epoch, epochs, loss, elapsed, metrics));
    }
}
