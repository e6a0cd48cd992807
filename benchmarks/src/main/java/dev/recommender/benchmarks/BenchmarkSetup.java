package dev.recommender.benchmarks;

import dev.recommender.core.data.CsvSchema;
import dev.recommender.core.data.EventCsvReader;
import dev.recommender.core.data.EventLog;
import dev.recommender.core.internal.VectorMath;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The setup the benchmark programs share: where the data directory comes from (first argument, else the
 * {@code data.dir} system property), where MovieLens latest-small's ratings lie in it, and the machine line
 * printed above the tables.
 */
final class BenchmarkSetup {
    private BenchmarkSetup() {
    }

    /**
     * The data directory: {@code args[0]} if given, else the {@code data.dir} system property, else blank.
     *
     * @param args the program's arguments
     * @return the directory, possibly blank (the caller skips the MovieLens part)
     */
    static String dataDir(String[] args) {
        return args.length > 0 ? args[0] : System.getProperty("data.dir", "");
    }

    /**
     * The data directory for programs that cannot run without MovieLens.
     *
     * @param args the program's arguments
     * @return the directory, not blank
     * @throws IllegalArgumentException if neither an argument nor {@code -Ddata.dir} gives it
     */
    static String requiredDataDir(String[] args) {
        String dataDir = dataDir(args);
        if (dataDir.isBlank()) {
            throw new IllegalArgumentException("give the data directory as argument or -Ddata.dir");
        }
        return dataDir;
    }

    /**
     * MovieLens latest-small's ratings file in a data directory.
     *
     * @param dataDir the data directory
     * @return {@code dataDir/ml-latest-small/ratings.csv}
     */
    static Path movieLensRatings(String dataDir) {
        return Path.of(dataDir, "ml-latest-small", "ratings.csv");
    }

    /**
     * Reads MovieLens latest-small's ratings as events (strict {@link CsvSchema#movieLens()}).
     *
     * @param dataDir the data directory
     * @return the rating events
     * @throws IOException if the file cannot be read
     */
    static EventLog readMovieLens(String dataDir) throws IOException {
        return EventCsvReader.readEvents(movieLensRatings(dataDir), CsvSchema.movieLens());
    }

    /**
     * The machine line: Java version, processors and maximum heap, e.g.
     * {@code java 17.0.9, 2 processors, max heap 1024 MB}.
     */
    static String machine() {
        return String.format(Locale.ROOT, "java %s, %d processors, max heap %d MB", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
    }

    /** Whether the {@code jdk.incubator.vector} module is loaded: {@code "present"} or {@code "absent"}. */
    static String vectorModule() {
        return VectorMath.vectorModulePresent() ? "present" : "absent";
    }
}
