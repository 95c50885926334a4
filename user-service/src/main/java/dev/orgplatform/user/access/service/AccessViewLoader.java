package dev.orgplatform.user.access.service;

import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.orgplatform.user.access.AccessFact;
import dev.orgplatform.user.access.repository.AccessChangeRepository;
import io.smallrye.mutiny.Uni;

/**
 * Fills the {@link AccessView} and the API key registry from one snapshot of the database: at start, and again
 * when a replica could not poll the change feed for so long that the feed may have lost changes it never read.
 */
@ApplicationScoped
public class AccessViewLoader {

    private static final Logger LOG = Logger.getLogger(AccessViewLoader.class);

    private final AccessChangeRepository changes;
    private final AccessChangeApplier applier;

    public AccessViewLoader(AccessChangeRepository changes, AccessChangeApplier applier) {
        this.changes = changes;
        this.applier = applier;
    }

    /** Emits where the feed is to be polled from: the snapshot's xmin. */
    public Uni<Long> load() {
        long began = System.nanoTime();
        return changes.snapshot().map(snapshot -> {
            applier.reset();
            Map<String, Integer> counts = new TreeMap<>();
            for (AccessFact fact : snapshot.facts()) {
                applier.load(fact);
                counts.merge(fact.kind(), 1, Integer::sum);
            }
            // the changes this snapshot already shows: read again by the first polls, they must change nothing
            snapshot.changes().forEach(applier::remember);
            LOG.infof("access view loaded: %s, %d recent changes, in %d ms", counts, snapshot.changes().size(),
                    (System.nanoTime() - began) / 1_000_000);
            return snapshot.from();
        });
    }
}
