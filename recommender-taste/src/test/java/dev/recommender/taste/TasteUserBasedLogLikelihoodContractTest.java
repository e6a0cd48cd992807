package dev.recommender.taste;

/** The shared recommender contract for Taste's user-based CF (log-likelihood). */
class TasteUserBasedLogLikelihoodContractTest extends TasteContractTest {
    TasteUserBasedLogLikelihoodContractTest() {
        super(TasteUserBased.defaults().withSimilarity(TasteUserBased.Similarity.LOG_LIKELIHOOD)::fit,
                Feedback.IMPLICIT, Candidates.NEIGHBOURHOOD);
    }
}
