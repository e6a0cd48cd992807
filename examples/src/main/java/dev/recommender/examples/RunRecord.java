package dev.recommender.examples;

import dev.recommender.core.EpochProgress;
import dev.recommender.core.TrainingListener;
import dev.recommender.core.io.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The record of one training run, written as a JSON file into a runs folder, as MLflow did for the proof
 * of concept: the command and its parameters, the data file and its SHA-256, per-epoch training metrics,
 * final metrics, timings and the paths of saved models. One file per run, named
 * {@code <UTC time>-<command>.json}; the file is written to a temporary name and renamed, so a reader never
 * sees half a record.
 *
 * <p>Usage: {@link #start(String)}, add parameters, epochs, metrics, timings and models as the run goes
 * ({@link #epochListener()} collects per-epoch progress), then {@link #write(Path)}.
 *
 * <p>Thread safety: not thread-safe; a run record belongs to the command that runs.
 */
public final class RunRecord {
    private static final DateTimeFormatter FILE_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final String command;
    private final Clock clock;
    private final Instant startedAt;
    private final Map<String, Object> parameters = new LinkedHashMap<>();
    private final Map<String, Object> data = new LinkedHashMap<>();
    private final List<Map<String, Object>> epochs = new ArrayList<>();
    private final Map<String, Object> metrics = new LinkedHashMap<>();
    private final Map<String, Double> timingsSeconds = new LinkedHashMap<>();
    private final Map<String, String> models = new LinkedHashMap<>();

    private RunRecord(String command, Clock clock) {
        this.command = requireNonEmpty(command, "command");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.startedAt = clock.instant();
    }

    /**
     * Starts the record of a run of a command, now.
     *
     * @param command the command name, e.g. {@code "svd"}
     * @return a new record
     * @throws IllegalArgumentException if the command name is empty
     */
    public static RunRecord start(String command) {
        return new RunRecord(command, Clock.systemUTC());
    }

    /**
     * Starts a record with an explicit clock (for tests).
     *
     * @param command the command name
     * @param clock   the clock that stamps start and end
     * @return a new record
     */
    static RunRecord start(String command, Clock clock) {
        return new RunRecord(command, clock);
    }

    /**
     * Records a parameter of the run.
     *
     * @param name  the parameter name, e.g. {@code "factors"}
     * @param value its value (a number, string, boolean, list or map)
     * @return this record
     */
    public RunRecord parameter(String name, Object value) {
        parameters.put(requireNonEmpty(name, "name"), Objects.requireNonNull(value, "value"));
        return this;
    }

    /**
     * Records the input data: its path, format and SHA-256 digest (computed here by reading the file).
     *
     * @param file   the data file
     * @param format the format name, e.g. {@code "events"}
     * @return this record
     * @throws IOException if the file cannot be read
     */
    public RunRecord dataFile(Path file, String format) throws IOException {
        data.put("path", file.toAbsolutePath().normalize().toString());
        data.put("format", Objects.requireNonNull(format, "format"));
        data.put("bytes", Files.size(file));
        data.put("sha256", sha256(file));
        return this;
    }

    /**
     * Records a fact about the data, e.g. the number of events or the split.
     *
     * @param name  the fact's name
     * @param value its value
     * @return this record
     */
    public RunRecord dataFact(String name, Object value) {
        data.put(requireNonEmpty(name, "name"), Objects.requireNonNull(value, "value"));
        return this;
    }

    /**
     * Records one training epoch.
     *
     * @param progress the epoch's progress as an algorithm reported it
     * @return this record
     */
    public RunRecord epoch(EpochProgress progress) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("algorithm", progress.algorithm());
        row.put("epoch", progress.epoch());
        row.put("totalEpochs", progress.totalEpochs());
        row.put("loss", progress.loss());
        row.put("elapsedSeconds", progress.elapsed().toNanos() / 1e9);
        row.putAll(progress.metrics());
        epochs.add(row);
        return this;
    }

    /** A training listener that adds every epoch to this record. */
    public TrainingListener epochListener() {
        return this::epoch;
    }

    /**
     * Records a final metric, e.g. {@code metric("svd.rmse", 0.87)}.
     *
     * @param name  the metric name
     * @param value its value (a number, or a structure of numbers)
     * @return this record
     */
    public RunRecord metric(String name, Object value) {
        metrics.put(requireNonEmpty(name, "name"), Objects.requireNonNull(value, "value"));
        return this;
    }

    /**
     * Records a wall time.
     *
     * @param name    what was timed, e.g. {@code "svd.fit"}
     * @param seconds the wall time in seconds
     * @return this record
     */
    public RunRecord timing(String name, double seconds) {
        timingsSeconds.put(requireNonEmpty(name, "name"), seconds);
        return this;
    }

    /**
     * Records a saved model.
     *
     * @param name the model's role, e.g. {@code "svd"}
     * @param path where it was saved
     * @return this record
     */
    public RunRecord model(String name, Path path) {
        models.put(requireNonEmpty(name, "name"), path.toAbsolutePath().normalize().toString());
        return this;
    }

    /** The record as an ordered map (what {@link #write(Path)} writes), ending now. */
    public Map<String, Object> toMap() {
        Instant finishedAt = clock.instant();
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("command", command);
        map.put("startedAt", startedAt.toString());
        map.put("finishedAt", finishedAt.toString());
        map.put("wallSeconds", (finishedAt.toEpochMilli() - startedAt.toEpochMilli()) / 1000.0);
        map.put("parameters", new LinkedHashMap<>(parameters));
        map.put("data", new LinkedHashMap<>(data));
        map.put("epochs", new ArrayList<>(epochs));
        map.put("metrics", new LinkedHashMap<>(metrics));
        map.put("timingsSeconds", new LinkedHashMap<>(timingsSeconds));
        map.put("models", new LinkedHashMap<>(models));
        map.put("java", System.getProperty("java.version"));
        return map;
    }

    /**
     * Writes the record as {@code <runsDir>/<UTC start time>-<command>.json} (with a numeric suffix if that
     * name is taken), creating the folder if needed.
     *
     * @param runsDir the runs folder
     * @return the written file
     * @throws IOException if the folder or file cannot be written
     */
    public Path write(Path runsDir) throws IOException {
        Files.createDirectories(runsDir);
        String base = FILE_TIME.format(startedAt) + "-" + command.replaceAll("[^A-Za-z0-9_.-]", "_");
        Path target = runsDir.resolve(base + ".json");
        for (int suffix = 2; Files.exists(target); suffix++) {
            target = runsDir.resolve(base + "-" + suffix + ".json");
        }
        AtomicFiles.writeString(target, Json.pretty(toMap()) + "\n");
        return target;
    }

    /**
     * The SHA-256 digest of a file, as 64 lower-case hex digits.
     *
     * @param file the file
     * @return the hex digest
     * @throws IOException if the file cannot be read
     */
    public static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String requireNonEmpty(String value, String name) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(name + " must be non-empty, got '" + value + "'");
        }
        return value;
    }
}
