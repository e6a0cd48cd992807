package dev.recommender.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.recommender.core.data.CsvSchema;
import dev.recommender.core.data.EventCsvReader;
import dev.recommender.core.data.EventLog;
import dev.recommender.core.data.Interactions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeatureFilesTest {
    @Test
    void writesThePairsRatingsAndContentFilesComputedByHand(@TempDir Path dir) throws Exception {
        List<Path> files = FeatureFiles.write(TinyData.log(), TinyData.pairs(), dir);
        assertEquals(List.of(dir.resolve("pairs.csv"), dir.resolve("ratings.csv"), dir.resolve("content.csv")), files);
        // viewed = shown - engaged; engaged_pct = engaged / shown
        assertEquals(List.of(
                "user_id,content_id,viewed_count,engaged_count,shown_count,engaged_pct",
                "u1,c1,1,1,2,0.5",
                "u1,c2,1,0,1,0.0",
                "u2,c1,2,1,3,0.3333333333333333",
                "u2,c3,0,1,1,1.0"), Files.readAllLines(dir.resolve("pairs.csv")));
        // only pairs with at least one engagement; count = shown
        assertEquals(List.of(
                "user_id,content_id,count,engaged_pct",
                "u1,c1,2,0.5",
                "u2,c1,3,0.3333333333333333",
                "u2,c3,1,1.0"), Files.readAllLines(dir.resolve("ratings.csv")));
        assertEquals(List.of("content_id", "c1", "c2", "c3"), Files.readAllLines(dir.resolve("content.csv")));
    }

    @Test
    void idsWithCommasQuotesAndLineBreaksAreQuotedAndReadBack(@TempDir Path dir) throws Exception {
        String user = "u,1 \"the\nfirst\"";
        String item = "c,\u00e9";
        long t = 1_640_995_200_000L;
        EventLog log = EventLog.builder().add(user, item, t, "engaged", Float.NaN).build();
        Interactions pairs = Interactions.builder().add(user, item, 1f, 1, 1, t).build();
        FeatureFiles.write(log, pairs, dir);
        CsvSchema pairsSchema = CsvSchema.builder().user("user_id").item("content_id").value("engaged_pct").build();
        EventLog read = EventCsvReader.readEvents(dir.resolve("pairs.csv"), pairsSchema);
        assertEquals(List.of(user), read.users().ids());
        assertEquals(List.of(item), read.items().ids());
        assertEquals(1f, read.value(0));
        assertEquals(List.of("content_id", "\"c,\u00e9\""), Files.readAllLines(dir.resolve("content.csv")));
    }
}
