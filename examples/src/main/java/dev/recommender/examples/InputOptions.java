package dev.recommender.examples;

import dev.recommender.core.data.EventCsvReader;
import dev.recommender.core.data.ReadResult;
import dev.recommender.core.sample.SampleEvents;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;

/**
 * The input options every data command shares: {@code --input FILE --format seed|movielens|ml100k},
 * {@code --lenient} and {@code --sample-dir}. Without {@code --input} the command uses the built-in
 * sample (written once into the sample folder) and says so on standard error.
 */
public final class InputOptions {
    /**
     * File name of the built-in sample inside the sample folder; it carries the generator's version, so a
     * sample written by an older generator is never mistaken for the current one.
     */
    public static final String SAMPLE_FILE = "content_engagement-v" + SampleEvents.GENERATOR_VERSION + ".csv";

    private static final Logger LOG = LoggerFactory.getLogger(InputOptions.class);

    @Option(names = "--input", paramLabel = "FILE",
            description = "Event CSV file to read (default: the built-in sample).")
    Path input;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "seed",
            converter = DataFormat.Converter.class, completionCandidates = DataFormat.Names.class,
            description = "Format of --input: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    DataFormat format;

    @Option(names = "--lenient",
            description = "Skip and count malformed rows instead of stopping at the first one.")
    boolean lenient;

    @Option(names = "--sample-dir", paramLabel = "DIR",
            description = "Where the built-in sample is cached when no --input is given (default: "
                    + "$XDG_CACHE_HOME/recommender/sample, else ~/.cache/recommender/sample).")
    Path sampleDir;

    /** Creates the options (picocli fills the fields). */
    public InputOptions() {
    }

    /**
     * Reads the input, or the built-in sample when no {@code --input} was given.
     *
     * @param err where to say that the sample is used
     * @return the events and where they came from
     * @throws IOException          if the file cannot be read
     * @throws UserInputException   if the file does not exist, or a format other than seed is asked for
     *                              without an input file
     */
    public Dataset load(PrintWriter err) throws IOException {
        boolean sample = input == null;
        Path file;
        if (sample) {
            if (format != DataFormat.SEED) {
                throw new UserInputException("--format " + format + " needs --input FILE (the built-in sample is in "
                        + "the seed format)");
            }
            file = (sampleDir != null ? sampleDir : UserDirs.sampleDir()).resolve(SAMPLE_FILE);
            boolean existed = Files.isRegularFile(file);
            SampleEvents.ensureSample(file);
            err.println("note: no --input given: using the built-in sample " + file
                    + (existed ? "" : " (written now)"));
            err.flush();
        } else {
            file = input;
            if (!Files.exists(file)) {
                throw new UserInputException("input file not found: " + file);
            }
            if (!Files.isRegularFile(file)) {
                throw new UserInputException("input is not a regular file: " + file);
            }
        }
        EventCsvReader reader = lenient ? EventCsvReader.lenient(format.schema()) : EventCsvReader.strict(format.schema());
        long start = System.nanoTime();
        ReadResult result = reader.read(file);
        LOG.info("read {} events from {} in {} ms", result.events().size(), file,
                (System.nanoTime() - start) / 1_000_000);
        if (result.report().totalSkipped() > 0) {
            err.println("note: lenient read skipped malformed rows: " + result.report().summary());
            err.flush();
        }
        if (result.events().size() == 0) {
            throw new UserInputException("no events in " + file + " (format " + format + ")");
        }
        return new Dataset(file, format, result.events(), sample);
    }
}
