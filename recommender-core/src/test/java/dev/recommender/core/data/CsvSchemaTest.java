package dev.recommender.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

class CsvSchemaTest {

    @Test
    void seedPresetMapsTheProofOfConceptColumns() {
        CsvSchema seed = CsvSchema.seed();
        assertEquals(new CsvSchema.Named("user_id"), seed.user());
        assertEquals(new CsvSchema.Named("content_id"), seed.item());
        assertEquals(Optional.of(CsvSchema.Column.named("event_timestamp")), seed.time());
        assertEquals(Optional.of(CsvSchema.Column.named("event_type")), seed.eventType());
        assertEquals(Optional.empty(), seed.value());
        assertEquals(List.of("viewed", "engaged"), List.copyOf(seed.allowedEventTypes()));
        assertEquals(CsvSchema.TimeUnit.SECONDS, seed.timeUnit());
        assertEquals(',', seed.delimiter());
        assertTrue(seed.header());
    }

    @Test
    void movieLensPresets() {
        CsvSchema ml = CsvSchema.movieLens();
        assertEquals(CsvSchema.Column.named("userId"), ml.user());
        assertEquals(Optional.of(CsvSchema.Column.named("rating")), ml.value());
        assertEquals("rating", ml.defaultEventType());
        assertEquals(Set.of(), ml.allowedEventTypes());

        CsvSchema u = CsvSchema.ml100k();
        assertFalse(u.header());
        assertEquals('\t', u.delimiter());
        assertEquals(CsvSchema.Column.at(0), u.user());
        assertEquals(Optional.of(CsvSchema.Column.at(2)), u.value());
        assertEquals(Optional.of(CsvSchema.Column.at(3)), u.time());
    }

    @Test
    void forFormatAcceptsTheThreeNamesIgnoringCase() {
        assertEquals(CsvSchema.seed(), CsvSchema.forFormat("seed"));
        assertEquals(CsvSchema.seed(), CsvSchema.forFormat("Events"));
        assertEquals(CsvSchema.movieLens(), CsvSchema.forFormat("MovieLens"));
        assertEquals(CsvSchema.ml100k(), CsvSchema.forFormat(" ml100k "));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> CsvSchema.forFormat("parquet"));
        assertEquals("format must be one of [events, movielens, ml100k], got 'parquet'", error.getMessage());
    }

    @Test
    void namedColumnWithoutHeaderIsRejected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> CsvSchema.builder().header(false).user("u").item(1).build());
        assertEquals("user column 'u' is named but header is false; use a position", error.getMessage());
    }

    @Test
    void twoRolesOnOneColumnAreRejected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> CsvSchema.builder().user(0).item(1).time(1).build());
        assertEquals("item and time both use column #1", error.getMessage());
    }

    @Test
    void badSettingsNameTheArgument() {
        assertEquals("delimiter must not be a quote or line break, got '\\n'",
                assertThrows(IllegalArgumentException.class,
                        () -> CsvSchema.builder().user(0).item(1).delimiter('\n').build()).getMessage());
        assertEquals("item column must be set",
                assertThrows(IllegalArgumentException.class, () -> CsvSchema.builder().user(0).build()).getMessage());
        assertEquals("column position must be at least 0, got -1",
                assertThrows(IllegalArgumentException.class, () -> CsvSchema.Column.at(-1)).getMessage());
        assertEquals("defaultEventType 'rating' is not among allowedEventTypes [viewed]",
                assertThrows(IllegalArgumentException.class, () -> CsvSchema.builder().user(0).item(1)
                        .defaultEventType("rating").allowedEventTypes("viewed").build()).getMessage());
    }

    @Test
    void toBuilderRoundTripsAndDerivesVariants() {
        assertEquals(CsvSchema.seed(), CsvSchema.seed().toBuilder().build());
        CsvSchema millis = CsvSchema.seed().toBuilder().timeUnit(CsvSchema.TimeUnit.MILLISECONDS).build();
        assertEquals(CsvSchema.TimeUnit.MILLISECONDS, millis.timeUnit());
        assertEquals(CsvSchema.seed().user(), millis.user());
    }
}
