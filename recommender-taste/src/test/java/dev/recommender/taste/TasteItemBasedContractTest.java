package dev.recommender.taste;

/** The shared recommender contract for Taste's item-based CF (exact candidates). */
class TasteItemBasedContractTest extends TasteContractTest {
    TasteItemBasedContractTest() {
        super(TasteItemBased.defaults()::fit, Feedback.IMPLICIT, Candidates.NEIGHBOURHOOD);
    }
}
