package dev.recommender.core;

import dev.recommender.core.data.IdIndex;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The answer to one recommendation request: items best first, and whether they came from the
 * model's fallback (popularity) because the model does not know the user.
 *
 * @param userId   the user asked about
 * @param items    at most the requested number of items, best first, no item twice
 * @param fallback true if the user is unknown to the model and the items are the fallback's
 */
public record Recommendations(String userId, List<ScoredItem> items, boolean fallback) {
    /** Validates and copies the fields. */
    public Recommendations {
        Objects.requireNonNull(userId, "userId");
        items = List.copyOf(items);
    }

    /**
     * The id-level form of an int-level list: the one place where item indexes become ids.
     *
     * @param userId  the user the list is for
     * @param ranked  the ranked item indexes
     * @param catalog the numbering of the indexes
     * @return the recommendations
     */
    public static Recommendations of(String userId, RankedItems ranked, IdIndex catalog) {
        List<ScoredItem> items = new ArrayList<>(ranked.size());
        for (int k = 0; k < ranked.size(); k++) {
            items.add(new ScoredItem(catalog.id(ranked.items()[k]), ranked.scores()[k]));
        }
        return new Recommendations(userId, items, ranked.fallback());
    }

    /** Number of items. */
    public int size() {
        return items.size();
    }

    /** The item ids, best first. */
    public List<String> itemIds() {
        return items.stream().map(ScoredItem::itemId).toList();
    }
}
