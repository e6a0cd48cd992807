package dev.recommender.core.io;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Writes files atomically with the process's normal permissions: the content goes to a temporary
 * sibling {@code <name>.<digits>.tmp}, is forced to disk and renamed over the target, so a reader
 * sees the old file or the new one, never half of one. Used for every file the project writes
 * (models, CSV files, reports, run records).
 *
 * <ul>
 *   <li>Permissions: the temporary file is created like any new file ({@code 0666} less the umask,
 *       so {@code 0644} typically), not with the owner-only {@code 0600} of
 *       {@link Files#createTempFile}, so that a server running under another account can read the
 *       result.</li>
 *   <li>Failure: on any exception (or {@link Error}) the temporary file is deleted and the target
 *       is left as it was.</li>
 *   <li>Crash leftovers: a temporary sibling of our naming pattern (any name, a dot, digits,
 *       {@code .tmp}) last modified more than {@link #STALE_AFTER} ago is assumed to come from a
 *       killed save and is removed by the next save into the same folder.</li>
 * </ul>
 *
 * <p>Thread-safe: concurrent writes to the same target each use their own temporary file; the last
 * rename wins.
 */
public final class AtomicFiles {
    /** Age from which a temporary sibling of our naming pattern counts as a crash leftover: one hour. */
    public static final Duration STALE_AFTER = Duration.ofHours(1);

    private static final Logger LOG = LoggerFactory.getLogger(AtomicFiles.class);
    private static final Pattern TEMPORARY_NAME = Pattern.compile(".+\\.[0-9]+\\.tmp");

    private AtomicFiles() {
    }

    /** Writes the content of a file to a stream; may throw {@link IOException}. */
    @FunctionalInterface
    public interface StreamContent {
        /**
         * Writes the content.
         *
         * @param out the stream (closed by the caller)
         * @throws IOException if writing fails
         */
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes the text of a file to a writer; may throw {@link IOException}. */
    @FunctionalInterface
    public interface TextContent {
        /**
         * Writes the text.
         *
         * @param out the UTF-8 writer (flushed and closed by the caller)
         * @throws IOException if writing fails
         */
        void writeTo(Writer out) throws IOException;
    }

    /** Writes the content of a file to a channel; may throw {@link IOException}. */
    @FunctionalInterface
    public interface ChannelContent {
        /**
         * Writes the content.
         *
         * @param channel the channel (forced and closed by the caller)
         * @throws IOException if writing fails
         */
        void writeTo(FileChannel channel) throws IOException;
    }

    /**
     * Writes a file atomically from a byte stream.
     *
     * @param target  the file to create or replace; its folder is created if needed
     * @param content writes the bytes
     * @throws IOException if the file cannot be written; the target is then unchanged
     */
    public static void write(Path target, StreamContent content) throws IOException {
        Objects.requireNonNull(content, "content");
        writeChannel(target, channel -> {
            OutputStream out = java.nio.channels.Channels.newOutputStream(channel);
            java.io.BufferedOutputStream buffered = new java.io.BufferedOutputStream(out, 1 << 16);
            content.writeTo(buffered);
            buffered.flush();
        });
    }

    /**
     * Writes a UTF-8 text file atomically.
     *
     * @param target  the file to create or replace; its folder is created if needed
     * @param content writes the text
     * @throws IOException if the file cannot be written; the target is then unchanged
     */
    public static void writeText(Path target, TextContent content) throws IOException {
        Objects.requireNonNull(content, "content");
        write(target, out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            content.writeTo(writer);
            writer.flush();
        });
    }

    /**
     * Writes a UTF-8 text file atomically from a string.
     *
     * @param target the file to create or replace
     * @param text   its whole content
     * @throws IOException if the file cannot be written; the target is then unchanged
     */
    public static void writeString(Path target, String text) throws IOException {
        Objects.requireNonNull(text, "text");
        writeText(target, out -> out.write(text));
    }

    /**
     * Writes a file atomically through a file channel (for writers that need the channel itself).
     *
     * @param target  the file to create or replace; its folder is created if needed
     * @param content writes the bytes
     * @throws IOException if the file cannot be written; the target is then unchanged
     */
    public static void writeChannel(Path target, ChannelContent content) throws IOException {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(content, "content");
        Path absolute = target.toAbsolutePath();
        Path directory = absolute.getParent();
        Files.createDirectories(directory);
        removeStaleTemporaries(directory, Instant.now());
        Path temporary = createTemporary(directory, absolute.getFileName().toString());
        boolean done = false;
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                content.writeTo(channel);
                channel.force(true);
            }
            try {
                Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            done = true;
        } finally {
            if (!done) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException e) {
                    LOG.warn("could not delete temporary file {}: {}", temporary, e.toString());
                }
            }
        }
    }

    /** Creates an empty sibling {@code <name>.<digits>.tmp} with default permissions (umask applies). */
    private static Path createTemporary(Path directory, String name) throws IOException {
        for (int attempt = 0; ; attempt++) {
            long digits = ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE;
            Path temporary = directory.resolve(name + "." + digits + ".tmp");
            try {
                // CREATE_NEW without file attributes: mode 0666 less the umask, like any new file
                Files.newByteChannel(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return temporary;
            } catch (java.nio.file.FileAlreadyExistsException e) {
                if (attempt >= 100) {
                    throw e;
                }
            }
        }
    }

    /**
     * Deletes temporary siblings of our naming pattern older than {@link #STALE_AFTER}; failures
     * to delete are logged and otherwise ignored (another process may be cleaning up too).
     *
     * @param directory the folder
     * @param now       the current time
     * @return how many files were deleted
     * @throws IOException if the folder cannot be listed
     */
    static int removeStaleTemporaries(Path directory, Instant now) throws IOException {
        FileTime cutoff = FileTime.from(now.minus(STALE_AFTER));
        int removed = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory,
                entry -> TEMPORARY_NAME.matcher(entry.getFileName().toString()).matches())) {
            for (Path entry : entries) {
                try {
                    if (Files.isRegularFile(entry) && Files.getLastModifiedTime(entry).compareTo(cutoff) < 0) {
                        Files.delete(entry);
                        removed++;
                        LOG.info("removed stale temporary file {} (left by an interrupted save)", entry);
                    }
                } catch (NoSuchFileException e) {
                    // removed concurrently
                } catch (IOException e) {
                    LOG.warn("could not remove stale temporary file {}: {}", entry, e.toString());
                }
            }
        }
        return removed;
    }
}
