package dev.recommender.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.recommender.core.Recommendations;
import dev.recommender.core.ScoredItem;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Reads request bodies and writes response bodies of the API with Jackson's streaming core (no
 * databind: the body is one flat object). The request parser is strict (trailing tokens, duplicate
 * keys, unknown fields and wrongly typed fields are refused with a 400 naming the problem); responses
 * are written with the streaming generator so the seed's ordered {@code {content_id: score}} object
 * keeps the ranking order.
 *
 * <p>Thread-safe: the factory is configured once and only read afterwards.
 */
final class ApiJson {
    /** Longest accepted user id, in characters. */
    static final int MAX_USER_ID_LENGTH = 256;

    private final JsonFactory factory = JsonFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /**
     * A parsed {@code POST /recommender} body.
     *
     * @param userId  the user id
     * @param howMany the requested number of items
     */
    record RecommendBody(String userId, int howMany) {
    }

    /**
     * Request counters since the server started.
     *
     * @param recommendations answered recommendation requests
     * @param fallbacks       of which answered by the popularity fallback
     * @param clientErrors    requests refused with a 4xx status
     * @param serverErrors    failed reloads and internal errors (5xx)
     */
    record Counts(long recommendations, long fallbacks, long clientErrors, long serverErrors) {
    }

    /**
     * Parses {@code {"user_id": "...", "k": 10}}.
     *
     * @param body           the request body bytes
     * @param defaultHowMany {@code k} when the body has none
     * @param maxHowMany     largest allowed {@code k}
     * @return the parsed request
     * @throws ApiException 400 for malformed JSON or missing, unknown or invalid fields
     */
    RecommendBody parseRecommend(byte[] body, int defaultHowMany, int maxHowMany) {
        try (JsonParser parser = factory.createParser(body)) {
            try {
                return parseRecommend(parser, defaultHowMany, maxHowMany);
            } catch (JsonParseException e) {
                throw ApiException.badRequest("invalid_json", "malformed JSON" + where(e.getLocation())
                        + ": " + plain(e.getOriginalMessage()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RecommendBody parseRecommend(JsonParser parser, int defaultHowMany, int maxHowMany)
            throws IOException {
        JsonToken first = parser.nextToken();
        if (first == null) {
            throw ApiException.badRequest("invalid_json", "request body is empty; expected a JSON object"
                    + " like {\"user_id\": \"82216a2c7d\", \"k\": 10}");
        }
        if (first != JsonToken.START_OBJECT) {
            throw ApiException.badRequest("invalid_json", "request body must be a JSON object, got "
                    + describe(parser));
        }
        String userId = null;
        int howMany = defaultHowMany;
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (name.equals("user_id")) {
                if (value != JsonToken.VALUE_STRING) {
                    throw ApiException.badRequest("invalid_field", "field 'user_id' must be a non-empty string, got "
                            + describe(parser));
                }
                userId = checkUserId(parser.getText());
            } else if (name.equals("k")) {
                if (value != JsonToken.VALUE_NUMBER_INT || parser.getNumberType() != JsonParser.NumberType.INT
                        || parser.getIntValue() < 1 || parser.getIntValue() > maxHowMany) {
                    throw ApiException.badRequest("invalid_field", "field 'k' must be an integer in 1.." + maxHowMany
                            + ", got " + describe(parser));
                }
                howMany = parser.getIntValue();
            } else {
                throw ApiException.badRequest("invalid_field", "unknown field '" + truncate(name)
                        + "'; allowed fields: user_id, k");
            }
        }
        if (parser.nextToken() != null) {
            throw ApiException.badRequest("invalid_json", "malformed JSON" + where(parser.currentLocation())
                    + ": trailing content after the JSON object");
        }
        if (userId == null) {
            throw ApiException.badRequest("invalid_field", "missing field 'user_id' (a non-empty string)");
        }
        return new RecommendBody(userId, howMany);
    }

    /**
     * Checks a user id from a body or a path.
     *
     * @throws ApiException 400 if empty, blank or too long
     */
    static String checkUserId(String userId) {
        if (userId.isBlank()) {
            throw ApiException.badRequest("invalid_field", "field 'user_id' must be a non-empty string, got \""
                    + userId + "\"");
        }
        if (userId.length() > MAX_USER_ID_LENGTH) {
            throw ApiException.badRequest("invalid_field", "field 'user_id' is " + userId.length()
                    + " characters long; at most " + MAX_USER_ID_LENGTH + " are allowed");
        }
        return userId;
    }

    /**
     * Writes the recommendation answer: user id, model name, fallback flag, the ordered
     * {@code recommendations} object and the {@code items} array with ranks.
     */
    byte[] recommendations(Recommendations answer, String modelName) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128 + 48 * answer.size());
        try (JsonGenerator json = factory.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("user_id", answer.userId());
            json.writeStringField("model", modelName);
            json.writeBooleanField("fallback", answer.fallback());
            List<ScoredItem> items = answer.items();
            // each score is formatted once and written twice (float formatting is the costly part)
            String[] scores = new String[items.size()];
            json.writeObjectFieldStart("recommendations");
            for (int rank = 0; rank < items.size(); rank++) {
                ScoredItem item = items.get(rank);
                scores[rank] = scoreText(item.score());
                json.writeFieldName(item.itemId());
                writeScore(json, scores[rank]);
            }
            json.writeEndObject();
            json.writeArrayFieldStart("items");
            for (int rank = 0; rank < items.size(); rank++) {
                json.writeStartObject();
                json.writeStringField("content_id", items.get(rank).itemId());
                json.writeFieldName("score");
                writeScore(json, scores[rank]);
                json.writeNumberField("rank", rank + 1);
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Writes {@code {"user_id": .., "known": .., "available": .., "items": [..]}}: the user's training items
     * when the model exposes them ({@code available}), else an empty list.
     */
    byte[] userItems(String userId, boolean known, java.util.Optional<List<String>> items) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        try (JsonGenerator json = factory.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("user_id", userId);
            json.writeBooleanField("known", known);
            json.writeBooleanField("available", items.isPresent());
            json.writeArrayFieldStart("items");
            for (String item : items.orElse(List.of())) {
                json.writeString(item);
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Writes a model description for {@code /health} and {@code /admin/reload}.
     *
     * @param status    {@code "ok"} or {@code "reloaded"}
     * @param snapshot  the model
     * @param counts    request counters
     */
    byte[] modelStatus(String status, ModelSnapshot snapshot, Counts counts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator json = factory.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("status", status);
            writeModel(json, snapshot);
            json.writeObjectFieldStart("requests");
            json.writeNumberField("recommendations", counts.recommendations());
            json.writeNumberField("fallbacks", counts.fallbacks());
            json.writeNumberField("client_errors", counts.clientErrors());
            json.writeNumberField("server_errors", counts.serverErrors());
            json.writeEndObject();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Writes an error body {@code {"error": code, "message": message, "status": status}}, plus the
     * model still being served when given.
     *
     * @param serving the model still being served (for a failed reload), or null
     */
    byte[] error(int status, String code, String message, ModelSnapshot serving) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128 + message.length());
        try (JsonGenerator json = factory.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("error", code);
            json.writeStringField("message", message);
            json.writeNumberField("status", status);
            if (serving != null) {
                json.writeObjectFieldStart("serving");
                writeModel(json, serving);
                json.writeEndObject();
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void writeModel(JsonGenerator json, ModelSnapshot snapshot) throws IOException {
        json.writeStringField("model", snapshot.model().name());
        json.writeStringField("version", snapshot.version());
        json.writeStringField("sha256", snapshot.sha256());
        json.writeNumberField("generation", snapshot.generation());
        json.writeStringField("loaded_at", snapshot.loadedAt().toString());
        json.writeNumberField("item_count", snapshot.model().items().size());
    }

    /**
     * A score as the shortest decimal that reads back to it: models score in {@code float}, so a
     * value that is exactly a float is written as one ({@code 0.1}, not {@code 0.10000000149011612}).
     * Non-finite scores (never produced by the built-in models) become {@code null}.
     */
    static String scoreText(double score) {
        if (!Double.isFinite(score)) {
            return null;
        }
        return (double) (float) score == score ? Float.toString((float) score) : Double.toString(score);
    }

    private static void writeScore(JsonGenerator json, String score) throws IOException {
        if (score == null) {
            json.writeNull();
        } else {
            json.writeNumber(score);
        }
    }

    /**
     * Jackson's parser message without the parts that speak of Jackson itself: the redacted source
     * reference of "start marker at [Source: ...]" and the "(bound as `JsonNode`): not allowed as per
     * `FEATURE`" tail.
     */
    static String plain(String message) {
        if (message == null) {
            return "unreadable input";
        }
        String text = message;
        for (String cut : new String[] {" (start marker at ", " (bound as ", " [Source: "}) {
            int at = text.indexOf(cut);
            if (at >= 0) {
                text = text.substring(0, at);
            }
        }
        return text.strip();
    }

    private static String where(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /** The current token as "a string (\"10\")", "a number (2.5)", "null", "an array", ... */
    private static String describe(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        return switch (token) {
            case VALUE_STRING -> "a string (" + truncate("\"" + parser.getText() + "\"") + ")";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number (" + truncate(parser.getText()) + ")";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean (" + parser.getText() + ")";
            case VALUE_NULL -> "null";
            case START_ARRAY -> "an array";
            case START_OBJECT -> "an object";
            default -> token.name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static String truncate(String text) {
        return text.length() <= 64 ? text : text.substring(0, 61) + "...";
    }
}
