package dev.orgplatform.invitation.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.orgplatform.invitation.config.InvitationConfig;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Records overdue invitations as EXPIRED and publishes InvitationExpired (billing-service releases their seats).
 * Until it runs, every use already treats them as expired.
 */
@ApplicationScoped
public class InvitationExpiryJob {

    private static final Logger LOG = Logger.getLogger(InvitationExpiryJob.class);

    private final InvitationService invitations;
    private final int batch;

    public InvitationExpiryJob(InvitationService invitations, InvitationConfig config) {
        this.invitations = invitations;
        this.batch = config.expiryJob().batchSize();
    }

    @Scheduled(every = "${invitation.expiry.interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> run() {
        return sweep().replaceWithVoid()
                .onFailure().invoke(e -> LOG.warnf("invitation expiry will retry: %s", e.toString()))
                .onFailure().recoverWithNull();
    }

    /** Expires every overdue invitation, batch by batch; emits how many. */
    public Uni<Integer> sweep() {
        return invitations.expireDue(batch).chain(n -> n < batch ? Uni.createFrom().item(n) : sweep().map(more -> n + more));
    }
}
