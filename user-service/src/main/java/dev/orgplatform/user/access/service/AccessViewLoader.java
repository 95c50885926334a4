package dev.orgplatform.user.access.service;

import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

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
        // cleared first and filled as rows arrive: no check answers meanwhile (the view is not current before the load
        // completes), and no second copy of a million memberships is held
        return Uni.createFrom().deferred(() -> {
            applier.reset();
            CountingSink sink = new CountingSink(applier);
            return changes.snapshot(sink).map(snapshot -> {
                // the changes this snapshot already shows: read again by the first polls, they must change nothing
                snapshot.changes().forEach(applier::remember);
                LOG.infof("access view loaded: %s, %d recent changes, in %d ms", sink.counts, snapshot.changes().size(),
                        (System.nanoTime() - began) / 1_000_000);
                return snapshot.from();
            });
        });
    }

    /** Hands each fact to the applier and counts them by kind. */
    private static final class CountingSink implements AccessChangeRepository.SnapshotSink {

        private final AccessChangeApplier applier;
        private final Map<String, Integer> counts = new TreeMap<>();

        CountingSink(AccessChangeApplier applier) {
            this.applier = applier;
        }

        @Override
        public void membership(UUID organizationId, UUID userId, String role) {
            applier.loadMembership(organizationId, userId, role);
            counts.merge(AccessFact.MEMBERSHIP, 1, Integer::sum);
        }

        @Override
        public void fact(AccessFact fact) {
            applier.load(fact);
            counts.merge(fact.kind(), 1, Integer::sum);
        }
    }
}
