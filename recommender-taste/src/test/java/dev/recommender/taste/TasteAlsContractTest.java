package dev.recommender.taste;

/** The shared recommender contract for Taste's explicit ALS-WR. */
class TasteAlsContractTest extends TasteContractTest {
    TasteAlsContractTest() {
        super(TasteAls.defaults()::fit, Feedback.RATINGS, Candidates.EVERY_UNSEEN_ITEM);
    }
}
