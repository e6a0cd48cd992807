package dev.recommender.core.retrieval;

import dev.recommender.core.testing.MovieLensData;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * EASE on protocol B of docs/protocols.md (MovieLens latest-small; needs {@code -Ddata.dir}, skipped without it)
 * reproduces the reference there: lambda chosen from {50, 100, 200, 300, 500, 800, 1200} by NDCG@10 on a
 * validation split carved from the training side only (the same per-user rule with {@code Random(4242)}),
 * then refitted on the whole training side; test NDCG@10 within 0.005 of 0.3649.
 *
 * <p>The full grid ({@code -Dease.lambdas=50,100,200,300,500,800,1200}) chose 300 on 2026-11-29; each
 * fit inverts a 9k x 9k Gram matrix (minutes on two cores), so by default (and in CI) only the
 * chosen value is validated and refitted.
 */
class EaseMovieLensTest {
    private static final double[] LAMBDAS = java.util.Arrays.stream(
            System.getProperty("ease.lambdas", "300").split(",")).mapToDouble(Double::parseDouble).toArray();

    @Test
    void reproducesTheReferenceWithLambdaChosenOnTheTrainingSide() {
        MovieLensProtocolB data = MovieLensProtocolB.load(MovieLensData.ratingsCsv());
        MovieLensProtocolB validation = data.validation(4242);
        double bestLambda = Double.NaN;
        double bestNdcg = Double.NEGATIVE_INFINITY;
        for (double lambda : LAMBDAS) {
            Ease model = Ease.fit(validation.training, Ease.Config.defaults().withRegularization(lambda).withThreads(2));
            double ndcg = validation.evaluate(model).ndcg();
            System.out.printf("EASE lambda %.0f: validation NDCG@10 %.4f%n", lambda, ndcg);
            if (ndcg > bestNdcg) {
                bestNdcg = ndcg;
                bestLambda = lambda;
            }
        }
        long started = System.nanoTime();
        Ease model = Ease.fit(data.training, Ease.Config.defaults().withRegularization(bestLambda).withThreads(2));
        long fitMillis = (System.nanoTime() - started) / 1_000_000;
        MovieLensProtocolB.Metrics metrics = data.evaluate(model);
        System.out.println("EASE lambda " + bestLambda + " (chosen on validation), " + data.training.itemCount()
                + " items, fit " + fitMillis + " ms, protocol B: " + metrics);
        assertEquals(0.3649, metrics.ndcg(), 0.005, metrics.toString());
    }
}
