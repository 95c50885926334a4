package dev.orgplatform.user.access;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which change of each fact was applied last. A change applies only when its id is above the one stored for its
 * fact's key: the ids of one fact follow commit order, so an older change read again (or late) never undoes a newer
 * one, whatever the clocks say. A deletion is kept as a tombstone, so an older insert cannot bring the fact back.
 * Versions are kept only as long as the feed still holds older changes: memory follows the feed's window, not the
 * number of facts ever changed.
 */
public final class FactVersions {

    private record Version(long id, boolean deleted) {
    }

    private final Map<String, Version> versions = new ConcurrentHashMap<>();

    /** Records the change and says whether it is newer than what was applied for its key (then it must be applied). */
    public boolean advance(String key, long id, boolean deleted) {
        boolean[] newer = new boolean[1];
        versions.compute(key, (k, applied) -> {
            if (applied != null && id <= applied.id()) {
                return applied;
            }
            newer[0] = true;
            return new Version(id, deleted);
        });
        return newer[0];
    }

    /**
     * Forgets versions below {@code id}: once no change below it is left in the feed, nothing older than them can be
     * read again, so neither a live fact nor a deleted one needs its version any more.
     */
    public void forgetBelow(long id) {
        versions.values().removeIf(v -> v.id() < id);
    }

    public int size() {
        return versions.size();
    }

    public void clear() {
        versions.clear();
    }
}
