package dev.orgplatform.org.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/** Purges organizations whose grace period is over, every {@code org.deletion.purge-interval} (default in {@code DeletionConfig}). */
@ApplicationScoped
public class OrganizationPurgeJob {

    private static final Logger LOG = Logger.getLogger(OrganizationPurgeJob.class);

    private final OrganizationDeletionService deletions;

    public OrganizationPurgeJob(OrganizationDeletionService deletions) {
        this.deletions = deletions;
    }

    @Scheduled(identity = "organization-purge", every = "${org.deletion.purge-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    public Uni<Void> run() {
        return purgeUntilNoneDue().replaceWithVoid()
                .onFailure().invoke(e -> LOG.warnf("purge will retry on the next run: %s", e.toString()))
                .onFailure().recoverWithNull();
    }

    /** Purges batch after batch until nothing is due; emits how many were purged. */
    public Uni<Integer> purgeUntilNoneDue() {
        return deletions.purgeDue().chain(n -> n == 0 ? Uni.createFrom().item(0) : purgeUntilNoneDue().map(more -> n + more));
    }
}
