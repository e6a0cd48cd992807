package dev.recommender.examples;

import dev.recommender.core.Recommendations;
import dev.recommender.core.Recommender;
import dev.recommender.core.ScoredItem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The HTTP API's request and response bodies for one user, computed in-process: what
 * {@code POST /recommender} with {@code {"user_id": ..., "k": ...}} answers. {@code recommendations} is
 * the proof of concept's ordered {@code {content_id: score}} object, best first; {@code items} is the
 * same as an array with ranks.
 */
final class ApiExample {
    private ApiExample() {
    }

    /** The request body for a user. */
    static Map<String, Object> request(String userId, int k) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("user_id", userId);
        request.put("k", k);
        return request;
    }

    /** The response body a model gives for a user. */
    static Map<String, Object> response(Recommender model, String userId, int k) {
        Recommendations answer = model.recommend(userId, k);
        Map<String, Double> ordered = new LinkedHashMap<>();
        List<Map<String, Object>> items = new ArrayList<>();
        int rank = 1;
        for (ScoredItem item : answer.items()) {
            ordered.put(item.itemId(), item.score());
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("content_id", item.itemId());
            row.put("score", item.score());
            row.put("rank", rank++);
            items.add(row);
        }
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("user_id", userId);
        response.put("model", model.name());
        response.put("fallback", answer.fallback());
        response.put("recommendations", ordered);
        response.put("items", items);
        return response;
    }
}
