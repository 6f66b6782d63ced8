package dev.careerbot.channel;

import java.util.concurrent.ConcurrentSkipListSet;

/** {@link AnsweredIds} in memory only. */
final class AnsweredIdsInMemory implements AnsweredIds {

    private final ConcurrentSkipListSet<Long> ids = new ConcurrentSkipListSet<>();

    @Override
    public boolean contains(long id) {
        return ids.contains(id);
    }

    @Override
    public void add(long id) {
        ids.add(id);
    }

    @Override
    public void forgetBelow(long id) {
        ids.headSet(id).clear();
    }

    @Override
    public void close() {
        // Nothing to release.
    }
}
