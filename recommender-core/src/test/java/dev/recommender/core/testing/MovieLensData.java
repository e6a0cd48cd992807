package dev.recommender.core.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates MovieLens latest-small for tests that need the real data.
 *
 * <p>The data folder comes from the system property {@value #PROPERTY} (Surefire forwards
 * {@code -Ddata.dir=...}). When the property is unset or blank the calling test is <em>skipped</em> through a
 * JUnit assumption, so a plain {@code mvn verify} on a laptop passes without the data. When it is set, the file
 * {@code <data.dir>/ml-latest-small/ratings.csv} must exist: a missing file <em>fails</em> the test with an
 * assertion error naming the path, so a CI run that passes {@code data.dir} can never silently skip.
 *
 * <p>Stateless; safe to call from any thread. Call it from {@code @BeforeAll} to skip or fail a whole class.
 */
public final class MovieLensData {
    /** The system property naming the folder that holds {@code ml-latest-small/}. */
    public static final String PROPERTY = "data.dir";

    private MovieLensData() {
    }

    /**
     * Returns the ratings file named by the system property {@value #PROPERTY}.
     *
     * @return {@code <data.dir>/ml-latest-small/ratings.csv}, an existing regular file
     * @throws org.opentest4j.TestAbortedException if the property is unset or blank (the test is skipped)
     * @throws org.opentest4j.AssertionFailedError if the property is set but the file is missing
     */
    public static Path ratingsCsv() {
        return ratingsCsv(System.getProperty(PROPERTY, ""));
    }

    /**
     * Returns the ratings file under {@code dataDir}; {@link #ratingsCsv()} with the folder given directly.
     *
     * @param dataDir the folder holding {@code ml-latest-small/}; blank means "not configured"
     * @return {@code <dataDir>/ml-latest-small/ratings.csv}, an existing regular file
     * @throws org.opentest4j.TestAbortedException if {@code dataDir} is blank (the test is skipped)
     * @throws org.opentest4j.AssertionFailedError if {@code dataDir} is set but the file is missing
     */
    public static Path ratingsCsv(String dataDir) {
        assumeFalse(dataDir.isBlank(), PROPERTY + " not set: MovieLens test skipped (run with -D" + PROPERTY
                + "=/path/holding/ml-latest-small)");
        Path file = Path.of(dataDir.strip(), "ml-latest-small", "ratings.csv");
        assertTrue(Files.isRegularFile(file), () -> PROPERTY + "=" + dataDir + " is set but " + file.toAbsolutePath()
                + " is missing or not a regular file (unset " + PROPERTY + " to skip the MovieLens tests)");
        return file;
    }
}
