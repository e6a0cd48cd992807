package dev.recommender.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.recommender.core.testing.MovieLensData;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/**
 * Reads the real MovieLens latest-small ratings; skipped unless {@code -Ddata.dir} is set, failed if it is set
 * but the file is missing ({@link MovieLensData}).
 */
class MovieLensReadTest {

    @Test
    void readsAllRatingsOfMovieLensLatestSmall() throws Exception {
        Path file = MovieLensData.ratingsCsv();

        ReadResult result = EventCsvReader.strict(CsvSchema.movieLens()).read(file);
        EventLog log = result.events();
        assertEquals(100_836, log.size());
        assertEquals(610, log.users().size());
        assertEquals(9_724, log.items().size());
        assertEquals(100_837, result.report().lines());
        // timestamps 828124615 to 1537799250 (shared/data/README.md)
        assertEquals(828_124_615_000L, log.minTimeMillis());
        assertEquals(1_537_799_250_000L, log.maxTimeMillis());

        Map<Float, Integer> counts = new TreeMap<>();
        for (int event = 0; event < log.size(); event++) {
            counts.merge(log.value(event), 1, Integer::sum);
        }
        Map<Float, Integer> expected = new TreeMap<>(Map.of(0.5f, 1370, 1.0f, 2811, 1.5f, 1791, 2.0f, 7551,
                2.5f, 5550, 3.0f, 20047, 3.5f, 13136, 4.0f, 26818, 4.5f, 8551, 5.0f, 13211));
        assertEquals(expected, counts);

        // no duplicate (user, movie) pairs: one interaction per rating
        Interactions interactions = ExplicitRating.last().aggregate(log);
        assertEquals(100_836, interactions.size());
    }
}
