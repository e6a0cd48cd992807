package dev.recommender.server;

import dev.recommender.core.DenseScoringRecommender;
import dev.recommender.core.Recommender;
import dev.recommender.core.SeenItems;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The training items a model remembers for a user, for {@code GET /users/{user_id}/items} and the
 * explorer. Only models that keep {@link SeenItems} (the dense scoring models: Svd, ALS, popularity,
 * baseline) expose them; they are stored in catalog order, not by time, so "recent" is not knowable here.
 * The one place where the server looks past the {@link Recommender} interface.
 */
final class SeenItemsView {
    private SeenItemsView() {
    }

    /**
     * @return the user's first {@code limit} training items in catalog order (empty list for an unknown
     *         user), or empty if the model does not expose them
     */
    static Optional<List<String>> of(Recommender model, String userId, int limit) {
        if (!(model instanceof DenseScoringRecommender dense)) {
            return Optional.empty();
        }
        SeenItems seen = dense.seenItems();
        OptionalInt user = seen.users().find(userId);
        List<String> items = new ArrayList<>();
        if (user.isPresent()) {
            int u = user.getAsInt();
            for (int k = 0, n = Math.min(limit, seen.userItemCount(u)); k < n; k++) {
                items.add(seen.items().id(seen.userItem(u, k)));
            }
        }
        return Optional.of(items);
    }
}
