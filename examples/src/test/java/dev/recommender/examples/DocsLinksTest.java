package dev.recommender.examples;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every relative link in README.md and docs/*.md, and every Markdown file a main source file names
 * (javadoc such as "see docs/models.md"), resolves to a file of this repository.
 */
class DocsLinksTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern MARKDOWN_LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern MARKDOWN_FILE = Pattern.compile("([\\w./-]*\\w\\.md)\\b");
    /** Files the CLI writes (named in its help), not documents of the repository. */
    private static final Set<String> OUTPUTS = Set.of("report.md");

    @Test
    void relativeLinksInTheDocsResolve() throws IOException {
        List<Path> documents = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(path -> path.toString().endsWith(".md")).sorted().forEach(documents::add);
        }
        assertTrue(documents.size() >= 5, "found " + documents);
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path document : documents) {
            Matcher link = MARKDOWN_LINK.matcher(Files.readString(document));
            while (link.find()) {
                String target = link.group(1);
                if (target.matches("^(https?|mailto):.*") || target.startsWith("#")) {
                    continue;
                }
                String file = target.split("#", 2)[0];
                checked++;
                if (!Files.exists(document.getParent().resolve(file).normalize())) {
                    broken.add(ROOT.relativize(document) + " -> " + target);
                }
            }
        }
        assertTrue(checked > 10, "checked " + checked + " links");
        assertEquals(List.of(), broken);
    }

    @Test
    void markdownFilesNamedInMainSourcesExist() throws IOException {
        List<String> broken = new ArrayList<>();
        List<Path> sources;
        try (Stream<Path> files = Files.walk(ROOT)) {
            sources = files.filter(path -> path.toString().endsWith(".java"))
                    .filter(path -> path.toString().contains("/src/main/java/"))
                    .filter(path -> !path.toString().contains("/target/"))
                    .toList();
        }
        assertTrue(sources.size() > 100, "found " + sources.size() + " main sources");
        for (Path source : sources) {
            Matcher name = MARKDOWN_FILE.matcher(Files.readString(source));
            while (name.find()) {
                String target = name.group(1);
                Path file = Path.of(target).getFileName();
                if (OUTPUTS.contains(target) || Files.exists(ROOT.resolve(target))
                        || Files.exists(ROOT.resolve("docs").resolve(file))) {
                    continue;
                }
                broken.add(ROOT.relativize(source) + " names " + target);
            }
        }
        assertEquals(List.of(), broken);
    }
}
