package dev.recommender.taste;

/** The shared recommender contract for Taste's implicit ALS. */
class TasteAlsImplicitContractTest extends TasteContractTest {
    TasteAlsImplicitContractTest() {
        super(TasteAlsImplicit.defaults()::fit, Feedback.IMPLICIT, Candidates.EVERY_UNSEEN_ITEM);
    }
}
