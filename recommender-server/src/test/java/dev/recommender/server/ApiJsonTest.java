package dev.recommender.server;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ApiJsonTest {
    private final ApiJson json = new ApiJson();

    @Test
    void scoresAreWrittenAsTheShortestDecimalOfTheirPrecision() {
        assertEquals("0.1", ApiJson.scoreText(0.1f));             // not 0.10000000149011612
        assertEquals("3.0", ApiJson.scoreText(3.0));
        assertEquals("1.0E-5", ApiJson.scoreText(1e-5f));         // valid JSON exponent form
        assertEquals("0.1234567890123", ApiJson.scoreText(0.1234567890123)); // not a float: full double
        assertNull(ApiJson.scoreText(Double.NaN));
        assertNull(ApiJson.scoreText(Double.NEGATIVE_INFINITY));
    }

    @Test
    void parsesUserAndK() {
        ApiJson.RecommendBody body = json.parseRecommend(bytes("{\"k\": 25, \"user_id\": \"82216a2c7d\"}"), 10, 1000);
        assertEquals(new ApiJson.RecommendBody("82216a2c7d", 25), body);
        assertEquals(10, json.parseRecommend(bytes("{\"user_id\": \"x\"}"), 10, 1000).howMany());
        assertEquals(1000, json.parseRecommend(bytes("{\"user_id\": \"x\", \"k\": 1000}"), 10, 1000).howMany());
    }

    @Test
    void refusesOverlongUserIds() {
        String id = "u".repeat(ApiJson.MAX_USER_ID_LENGTH + 1);
        ApiException error = assertThrows(ApiException.class,
                () -> json.parseRecommend(bytes("{\"user_id\": \"" + id + "\"}"), 10, 1000));
        assertEquals("field 'user_id' is 257 characters long; at most 256 are allowed", error.getMessage());
    }

    @Test
    void plainMessagesDropJacksonInternals() {
        assertEquals("Unexpected end-of-input: expected close marker for Object",
                ApiJson.plain("Unexpected end-of-input: expected close marker for Object (start marker at "
                        + "[Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, column: 1])"));
        assertEquals("Trailing token (of type START_OBJECT) found after value",
                ApiJson.plain("Trailing token (of type START_OBJECT) found after value (bound as "
                        + "`com.fasterxml.jackson.databind.JsonNode`): not allowed as per `FAIL_ON_TRAILING_TOKENS`"));
        assertEquals("unreadable input", ApiJson.plain(null));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
