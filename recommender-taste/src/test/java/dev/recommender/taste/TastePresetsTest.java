package dev.recommender.taste;

import dev.recommender.core.Algorithm;
import dev.recommender.core.EpochProgress;
import dev.recommender.core.Recommendations;
import dev.recommender.core.ScoredItem;
import dev.recommender.core.data.Interactions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static dev.recommender.taste.PlantedGroups.groupOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every preset (and each candidate / similarity variant) fits on the planted two-community fixture
 * and recommends from the right community. Because this runs every Taste code path we ship, a
 * runtime class trimmed from Mahout's dependencies by mistake fails the build here.
 */
class TastePresetsTest {

    static Stream<Arguments> presets() {
        Interactions ratings = PlantedGroups.ratings();
        Interactions binary = PlantedGroups.binary();
        return Stream.of(
                Arguments.of(TasteItemBased.defaults(), binary),
                Arguments.of(TasteItemBased.defaults().withCandidates(TasteItemBased.Candidates.SAMPLING)
                        .withSamplingFactor(1), binary),
                Arguments.of(TasteUserBased.defaults(), ratings),
                Arguments.of(TasteUserBased.defaults().withSimilarity(TasteUserBased.Similarity.LOG_LIKELIHOOD)
                        .withNeighborhoodSize(8), binary),
                // The fixture's structure has rank 2 or 3: with many more factors than its 40 users pin
                // down, the factorizations memorise it and extrapolate wildly, so they get few factors
                // here; SGD also needs more passes over 440 ratings than over MovieLens' 100k.
                Arguments.of(TasteAls.defaults().withFactors(2), ratings),
                Arguments.of(TasteAlsImplicit.defaults().withFactors(3), binary),
                Arguments.of(TasteSgd.defaults().withFactors(2).withIterations(200), ratings));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    void recommendsFromTheUsersOwnCommunity(Algorithm<TasteRecommender> algorithm, Interactions training) {
        List<EpochProgress> progress = new ArrayList<>();
        TasteRecommender model = algorithm.fit(dev.recommender.core.TrainingData.of(training), progress::add);
        assertEquals(algorithm.name(), model.name());
        assertEquals(training.items(), model.items());

        // Every user gets three unseen items; at least 95% of all of them come from the user's own
        // community (chance: 22 unseen own-group items against 30 of the other group, about 42%).
        int own = 0;
        int total = 0;
        for (String user : training.users().ids()) {
            Recommendations top = model.recommend(user, 3);
            assertFalse(top.fallback(), user);
            assertEquals(3, top.size(), () -> user + " got " + top.items());
            for (ScoredItem item : top.items()) {
                assertFalse(training.value(user, item.itemId()).isPresent(), () -> user + " has seen " + item);
                own += groupOf(user) == groupOf(item.itemId()) ? 1 : 0;
                total++;
            }
        }
        double share = (double) own / total;
        assertTrue(share >= 0.95, "share of own-community items " + share);

        if (algorithm instanceof TasteItemBased || algorithm instanceof TasteUserBased) {
            assertTrue(progress.isEmpty(), "neighbourhood methods have no iterations to report");
        } else {
            assertEquals(1, progress.size(), "one report when the factorization ends");
            assertEquals(progress.get(0).totalEpochs(), progress.get(0).epoch());
            assertEquals(algorithm.name(), progress.get(0).algorithm());
        }
    }
}
