package dev.recommender.core.io;

import dev.recommender.core.baseline.Popularity;
import dev.recommender.core.RecommenderContractTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class AtomicFilesTest {
    @TempDir
    Path directory;

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writtenFilesGetTheSamePermissionsAsAnyNewFile() throws IOException {
        assumeTrue(Files.getFileAttributeView(directory, PosixFileAttributeView.class) != null, "POSIX file system");
        Path reference = directory.resolve("reference.txt");
        Files.writeString(reference, "x"); // created like any file: 0666 less the umask
        Set<PosixFilePermission> expected = Files.getPosixFilePermissions(reference);
        assertTrue(expected.contains(PosixFilePermission.OWNER_READ) && expected.contains(PosixFilePermission.OWNER_WRITE));
        Path text = directory.resolve("report.csv");
        AtomicFiles.writeString(text, "a,b\n");
        Path model = directory.resolve("model.bin");
        ModelStore.save(Popularity.Config.defaults().fit(RecommenderContractTest.fixture()), model);
        assertEquals(expected, Files.getPosixFilePermissions(text));
        assertEquals(expected, Files.getPosixFilePermissions(model));
        assertEquals("a,b\n", Files.readString(text));
    }

    @Test
    void aFailingWriteLeavesTheOldFileAndNoTemporary() throws IOException {
        Path target = directory.resolve("out.csv");
        AtomicFiles.writeString(target, "old\n");
        IOException failure = assertThrows(IOException.class, () -> AtomicFiles.writeText(target, out -> {
            out.write("half of the new content");
            throw new IOException("disk full");
        }));
        assertEquals("disk full", failure.getMessage());
        assertThrows(IllegalStateException.class, () -> AtomicFiles.writeText(target, out -> {
            throw new IllegalStateException("bug in the writer");
        }));
        assertEquals("old\n", Files.readString(target));
        assertEquals(List.of("out.csv"), names());
    }

    @Test
    void staleTemporariesOfOurPatternAreRemovedByTheNextSave() throws IOException {
        Path stale = directory.resolve("model.bin.8712349871234.tmp");
        Path fresh = directory.resolve("model.bin.55.tmp");
        Path foreign = directory.resolve("notes.tmp");
        Path foreignOld = directory.resolve("draft.tmp.bak");
        for (Path file : List.of(stale, fresh, foreign, foreignOld)) {
            Files.write(file, new byte[] {1, 2, 3});
        }
        FileTime twoHoursAgo = FileTime.from(Instant.now().minus(Duration.ofHours(2)));
        Files.setLastModifiedTime(stale, twoHoursAgo);
        Files.setLastModifiedTime(foreign, twoHoursAgo);
        Files.setLastModifiedTime(foreignOld, twoHoursAgo);
        AtomicFiles.writeString(directory.resolve("report.txt"), "new");
        assertFalse(Files.exists(stale), "a crash leftover older than an hour is removed");
        assertTrue(Files.exists(fresh), "a recent temporary may belong to a save in progress");
        assertTrue(Files.exists(foreign) && Files.exists(foreignOld), "other files are never touched");
        assertEquals(List.of("draft.tmp.bak", "model.bin.55.tmp", "notes.tmp", "report.txt"), names());
    }

    @Test
    void writesCreateTheFolderAndReplaceTheTarget() throws IOException {
        Path target = directory.resolve("a/b/c.txt");
        AtomicFiles.writeString(target, "one");
        AtomicFiles.write(target, out -> out.write("twó".getBytes(StandardCharsets.UTF_8)));
        assertEquals("twó", Files.readString(target));
    }
}
