package dev.recommender.taste;

/** The shared recommender contract for Taste's user-based CF (Pearson). */
class TasteUserBasedContractTest extends TasteContractTest {
    TasteUserBasedContractTest() {
        super(TasteUserBased.defaults()::fit, Feedback.RATINGS, Candidates.NEIGHBOURHOOD);
    }
}
