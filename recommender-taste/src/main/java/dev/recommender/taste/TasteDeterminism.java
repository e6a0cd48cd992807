package dev.recommender.taste;

import org.apache.mahout.common.RandomUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes Taste's random numbers repeatable. Mahout creates every generator through
 * {@link RandomUtils#getRandom()}, seeded from the clock unless {@link RandomUtils#useTestSeed()} has
 * been called, after which each new generator starts from Mahout's fixed seed. That switch is
 * global to the JVM and cannot be undone, and calling it again resets generators other threads
 * are using; so it is called exactly once, in the static initializer of a holder class (the JVM
 * runs it once, and every caller waits for it).
 */
final class TasteDeterminism {
    private TasteDeterminism() {
    }

    /** Switches on Mahout's fixed seed for this JVM (once; later calls do nothing). */
    static void useFixedSeed() {
        Holder.ensure();
    }

    private static final class Holder {
        static {
            RandomUtils.useTestSeed();
            Logger log = LoggerFactory.getLogger(TasteDeterminism.class);
            log.info("Mahout RandomUtils.useTestSeed() switched on for this JVM so that Taste models are repeatable");
        }

        private Holder() {
        }

        static void ensure() {
            // class initialisation does the work
        }
    }
}
