package dev.recommender.taste;

/** The shared recommender contract for Taste's SGD matrix factorization. */
class TasteSgdContractTest extends TasteContractTest {
    TasteSgdContractTest() {
        super(TasteSgd.defaults()::fit, Feedback.RATINGS, Candidates.EVERY_UNSEEN_ITEM);
    }
}
