package dev.recommender.server;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The explorer page at {@code /}: plain HTML, CSS and JavaScript from this jar's resources
 * ({@code dev/recommender/server/explorer/}), read once; no build step, nothing loaded from another
 * site (the Content-Security-Policy allows this origin only). The page calls the public JSON
 * endpoints; {@code /?user=ID} asks for that user on load. Immutable and thread-safe.
 */
final class Explorer {
    /** Only this origin's scripts, styles and requests; no framing. */
    static final HttpField CONTENT_SECURITY_POLICY = new PreEncodedHttpField("Content-Security-Policy",
            "default-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'");

    private static final Map<String, String> TYPES = Map.of(
            "/explorer.js", "text/javascript; charset=utf-8",
            "/explorer.css", "text/css; charset=utf-8");

    /** One resource and its content type. */
    record Asset(byte[] bytes, HttpField contentType) {
    }

    private final Asset page = load("index.html", "text/html; charset=utf-8");
    private final Asset script = load("explorer.js", TYPES.get("/explorer.js"));
    private final Asset style = load("explorer.css", TYPES.get("/explorer.css"));

    static boolean isAsset(String path) {
        return TYPES.containsKey(path);
    }

    Asset asset(String path) {
        return switch (path) {
            case "/explorer.js" -> script;
            case "/explorer.css" -> style;
            default -> page;
        };
    }

    private static Asset load(String name, String type) {
        try (InputStream in = Explorer.class.getResourceAsStream("explorer/" + name)) {
            if (in == null) {
                throw new IllegalStateException("explorer resource " + name + " is missing from the jar");
            }
            return new Asset(in.readAllBytes(), new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, type));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
