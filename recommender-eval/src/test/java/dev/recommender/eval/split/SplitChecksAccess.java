package dev.recommender.eval.split;

import dev.recommender.core.data.EventLog;

/** Exposes the splitter test fixtures to tests of other packages. */
public final class SplitChecksAccess {
    private SplitChecksAccess() {
    }

    /**
     * A random log with repeated pairs.
     *
     * @param users  number of users
     * @param items  number of items
     * @param events number of events
     * @param seed   the seed
     * @return the log
     */
    public static EventLog randomLog(int users, int items, int events, long seed) {
        return SplitChecks.randomLog(users, items, events, seed);
    }
}
