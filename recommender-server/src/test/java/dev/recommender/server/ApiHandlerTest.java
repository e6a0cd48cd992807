package dev.recommender.server;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Percent-decoding of path segments and query components. (The JDK server already refuses request
 * lines whose escapes are malformed, so those cases are checked here rather than over HTTP.)
 */
class ApiHandlerTest {
    @Test
    void decodesUtf8EscapesAndKeepsPlus() {
        assertEquals("a b/c+d", ApiHandler.percentDecode("a%20b%2Fc+d"));
        // U+00E9 is C3 A9 in UTF-8
        assertEquals("caf\u00e9", ApiHandler.percentDecode("caf%C3%A9"));
        assertEquals("plain", ApiHandler.percentDecode("plain"));
    }

    @Test
    void refusesMalformedEscapes() {
        ApiException truncated = assertThrows(ApiException.class, () -> ApiHandler.percentDecode("u%2"));
        assertEquals(400, truncated.status());
        assertEquals("malformed percent-encoding in 'u%2'", truncated.getMessage());
        assertEquals("malformed percent-encoding in 'u%zz1'",
                assertThrows(ApiException.class, () -> ApiHandler.percentDecode("u%zz1")).getMessage());
        // a lone continuation byte is not UTF-8
        assertEquals("percent-encoded bytes are not UTF-8 in 'u%A9'",
                assertThrows(ApiException.class, () -> ApiHandler.percentDecode("u%A9")).getMessage());
    }
}
