package dev.recommender.server;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Loads the explorer page in a real headless Chromium ({@value #CHROMIUM}, Debian's package) against a
 * server on a loopback port: the page reads {@code ?user=} and fetches on load, so the DOM Chromium dumps
 * holds the rendered lists. Two Chromium runs (a DOM dump and a screenshot), each a few seconds on an idle
 * machine. Skipped when Chromium is not installed, unless {@code -Dbrowser.required=true}
 * (CI), which turns the skip into a failure.
 */
class ExplorerBrowserTest {
    private static final String CHROMIUM = "/usr/bin/chromium";

    @TempDir
    Path directory;

    @BeforeAll
    static void requireChromium() {
        if (!Files.isExecutable(Path.of(CHROMIUM))) {
            if (Boolean.getBoolean("browser.required")) {
                fail(CHROMIUM + " is missing but -Dbrowser.required=true (install Debian's chromium package)");
            }
            Assumptions.abort(CHROMIUM + " is not installed; the explorer's browser test is skipped");
        }
    }

    @Test
    void pageShowsTheUsersItemsRecommendationsAndModel() throws Exception {
        Path models = Files.createDirectories(directory.resolve("models"));
        Fixtures.save(Fixtures.modelA(), models);
        try (RecommendationServer server = RecommendationServer.start(Fixtures.config(models).build())) {
            String dom = chromium(List.of("--dump-dom", server.uri().resolve("/?user=u1&k=3").toString()));
            // u1 row of A: c1 .9 (seen), c4 .7, c3 .5, c2 .2, c5 .1 -> c4, c3, c2
            assertEquals(List.of("1|c4|0.7", "2|c3|0.5", "3|c2|0.2"), rows(dom), dom);
            assertTrue(dom.contains("<ul id=\"seen\"><li>c1</li></ul>"), dom);
            assertTrue(dom.contains("Model table-a · version " + server.models().current().version()), dom);
            assertTrue(dom.contains("<span id=\"fallback\" class=\"badge\" hidden=\"\">"), dom);

            Path png = directory.resolve("explorer.png");
            // a user the model does not know: the fallback badge shows (look at it with -Dbrowser.screenshot=FILE)
            chromium(List.of("--window-size=1100,700", "--screenshot=" + png,
                    server.uri().resolve("/?user=somebody%20new&k=2").toString()));
            byte[] bytes = Files.readAllBytes(png);
            assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, java.util.Arrays.copyOf(bytes, 4));
            assertTrue(bytes.length > 5_000, "screenshot of " + bytes.length + " bytes");
            String keep = System.getProperty("browser.screenshot");
            if (keep != null && !keep.isBlank()) {
                Files.copy(png, Path.of(keep), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /** The recommendation rows as "rank|item|score". */
    private static List<String> rows(String dom) {
        Matcher row = Pattern.compile("<tr class=\"recommendation\"><td class=\"rank\">([^<]*)</td>"
                + "<td class=\"item\">([^<]*)</td><td class=\"score\">([^<]*)</td></tr>").matcher(dom);
        List<String> rows = new ArrayList<>();
        while (row.find()) {
            rows.add(row.group(1) + "|" + row.group(2) + "|" + row.group(3));
        }
        return rows;
    }

    private String chromium(List<String> arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + Files.createTempDirectory(directory, "chromium"),
                "--virtual-time-budget=5000"));
        command.addAll(arguments);
        Path out = Files.createTempFile(directory, "dom", ".html");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile())
                .redirectError(directory.resolve("chromium-stderr.txt").toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("chromium did not finish within 60 s: " + command);
        }
        assertEquals(0, process.exitValue(), () -> "chromium failed: " + read(directory.resolve("chromium-stderr.txt")));
        return read(out);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }
}
