package dev.recommender.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** Skip when data.dir is not configured, fail loudly when it is configured but wrong, else the file. */
class MovieLensDataTest {
    @Test
    void blankDataDirSkips() {
        for (String blank : new String[] {"", "  ", "\t"}) {
            TestAbortedException e = assertThrows(TestAbortedException.class, () -> MovieLensData.ratingsCsv(blank));
            assertTrue(e.getMessage().contains("data.dir not set"), e.getMessage());
        }
    }

    @Test
    void setDataDirWithoutTheFileFailsNamingThePath(@TempDir Path dir) throws Exception {
        Path expected = dir.resolve("ml-latest-small").resolve("ratings.csv").toAbsolutePath();
        AssertionFailedError missing = assertThrows(AssertionFailedError.class,
                () -> MovieLensData.ratingsCsv(dir.toString()));
        assertTrue(missing.getMessage().contains(expected.toString()), missing.getMessage());
        assertTrue(missing.getMessage().contains("data.dir=" + dir), missing.getMessage());

        // a folder where the file should be is not the file either
        Files.createDirectories(expected);
        AssertionFailedError folder = assertThrows(AssertionFailedError.class,
                () -> MovieLensData.ratingsCsv(dir.toString()));
        assertTrue(folder.getMessage().contains(expected.toString()), folder.getMessage());
    }

    @Test
    void returnsTheRatingsFileWhenPresent(@TempDir Path dir) throws Exception {
        Path file = Files.createDirectories(dir.resolve("ml-latest-small")).resolve("ratings.csv");
        Files.writeString(file, "userId,movieId,rating,timestamp\r\n");
        assertEquals(file, MovieLensData.ratingsCsv(dir.toString()));
    }
}
