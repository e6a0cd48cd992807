package dev.recommender.core;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Keeps Java deserialisation out of the library: no main source file of any module may mention
 * {@code ObjectInputStream} or {@code readObject} (a model file must never be able to choose which
 * classes are instantiated). Test code may, for example to build hostile inputs.
 */
class NoJavaDeserialisationTest {
    static final Pattern FORBIDDEN = Pattern.compile("\\bObjectInputStream\\b|\\breadObject\\b");

    /** The build's root: the nearest directory upwards whose pom.xml lists modules. */
    static Path projectRoot() throws IOException {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path pom = dir.resolve("pom.xml");
            if (Files.isRegularFile(pom) && Files.readString(pom).contains("<modules>")) {
                return dir;
            }
        }
        throw new IllegalStateException("no multi-module pom.xml above " + Path.of("").toAbsolutePath());
    }

    static List<String> offenders(Path root) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String path = root.relativize(file).toString().replace('\\', '/');
                if (path.endsWith(".java") && path.contains("/src/main/") && !path.contains("/target/")) {
                    List<String> lines = Files.readAllLines(file);
                    for (int k = 0; k < lines.size(); k++) {
                        if (FORBIDDEN.matcher(lines.get(k)).find()) {
                            found.add(path + ":" + (k + 1) + ": " + lines.get(k).strip());
                        }
                    }
                }
            }
        }
        return found;
    }

    @Test
    void noMainSourceDeserialisesJavaObjects() throws IOException {
        Path root = projectRoot();
        assertTrue(Files.isDirectory(root.resolve("recommender-core/src/main/java")), "scanning " + root);
        assertEquals(List.of(), offenders(root));
    }

    @Test
    void theScanFindsAPlantedUse(@org.junit.jupiter.api.io.TempDir Path root) throws IOException {
        Path file = root.resolve("m/src/main/java/x/Bad.java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "class Bad {\n  Object o = new java.io.ObjectInputStream(null).readObject();\n}\n");
        Files.createDirectories(root.resolve("m/src/test/java"));
        Files.writeString(root.resolve("m/src/test/java/Ok.java"), "// ObjectInputStream in a test is fine\n");
        assertEquals(List.of("m/src/main/java/x/Bad.java:2: Object o = new java.io.ObjectInputStream(null)"
                + ".readObject();"), offenders(root));
    }
}
