package dev.recommender.eval;

import dev.recommender.core.data.Interactions;

/**
 * One split's aggregated data. Both sides number users and items like the split's log, so a
 * test user or item is known to training when it has a training pair.
 */
final class EvaluationFold {
    final int index;
    final Interactions train;
    final Interactions test;
    final int allUsers;
    final int trainUsers;
    final int catalogSize;

    EvaluationFold(int index, Interactions train, Interactions test) {
        if (!train.users().equals(test.users()) || !train.items().equals(test.items())) {
            throw new IllegalArgumentException("the training and test interactions of a split must share the "
                    + "log's numbering");
        }
        this.index = index;
        this.train = train;
        this.test = test;
        int users = 0;
        int trained = 0;
        for (int user = 0; user < train.userCount(); user++) {
            boolean inTraining = train.userDegree(user) > 0;
            trained += inTraining ? 1 : 0;
            users += inTraining || test.userDegree(user) > 0 ? 1 : 0;
        }
        int catalog = 0;
        for (int item = 0; item < train.itemCount(); item++) {
            catalog += train.itemDegree(item) > 0 ? 1 : 0;
        }
        this.allUsers = users;
        this.trainUsers = trained;
        this.catalogSize = catalog;
    }

    boolean knowsUser(int user) {
        return train.userDegree(user) > 0;
    }

    boolean knowsItem(int item) {
        return train.itemDegree(item) > 0;
    }
}
