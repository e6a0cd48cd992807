package dev.recommender.taste;

/** The shared recommender contract for Taste's item-based CF with sampled candidates. */
class TasteItemBasedSamplingContractTest extends TasteContractTest {
    TasteItemBasedSamplingContractTest() {
        super(TasteItemBased.defaults().withCandidates(TasteItemBased.Candidates.SAMPLING).withSamplingFactor(1)::fit,
                Feedback.IMPLICIT, Candidates.NEIGHBOURHOOD);
    }
}
